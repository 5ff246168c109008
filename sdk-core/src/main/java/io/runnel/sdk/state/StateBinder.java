package io.runnel.sdk.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.Combine.CombineFn;

/**
 * What a runner's state backend implements to turn {@link StateSpec}s into live state: {@link
 * StateSpec#bind} calls the one method matching the spec's kind, with the spec's coders, so the
 * backend stores every kind of state in encoded form. A binder is used for one key and window
 * at a time; {@code id} is the {@code @StateId}, unique within the {@code DoFn}.
 */
public interface StateBinder {
  /** A {@link ValueState} storing its value with {@code coder}. */
  <T> ValueState<T> bindValue(String id, StateSpec<ValueState<T>> spec, Coder<T> coder);

  /** A {@link BagState} storing its elements with {@code elemCoder}. */
  <T> BagState<T> bindBag(String id, StateSpec<BagState<T>> spec, Coder<T> elemCoder);

  /** A {@link SetState} storing, and comparing, its elements with {@code elemCoder}. */
  <T> SetState<T> bindSet(String id, StateSpec<SetState<T>> spec, Coder<T> elemCoder);

  /** A {@link MapState} storing, and comparing, keys with {@code mapKeyCoder}. */
  <KeyT, ValueT> MapState<KeyT, ValueT> bindMap(String id, StateSpec<MapState<KeyT, ValueT>> spec,
      Coder<KeyT> mapKeyCoder, Coder<ValueT> mapValueCoder);

  /** An {@link OrderedListState} storing its values with {@code elemCoder}. */
  <T> OrderedListState<T> bindOrderedList(
      String id, StateSpec<OrderedListState<T>> spec, Coder<T> elemCoder);

  /**
   * A {@link CombiningState} combining with {@code combineFn} and storing its accumulator with
   * {@code accumCoder}.
   */
  <InputT, AccumT, OutputT> CombiningState<InputT, AccumT, OutputT> bindCombining(String id,
      StateSpec<CombiningState<InputT, AccumT, OutputT>> spec, Coder<AccumT> accumCoder,
      CombineFn<InputT, AccumT, OutputT> combineFn);
}
