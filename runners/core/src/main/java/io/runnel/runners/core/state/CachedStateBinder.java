package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.CombiningState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.SetState;
import io.runnel.sdk.state.StateBinder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Combine.CombineFn;
import java.util.function.Supplier;

/**
 * Binds state specs to live state over a {@link BundleStateCache}. The state objects ask {@code
 * current} for the namespace on every call, so a runner binds each {@code @StateId} once and
 * moves from key to key. Not thread-safe.
 */
public final class CachedStateBinder implements StateBinder {
  private final BundleStateCache cache;
  private final Supplier<NamespaceState> current;

  /**
   * @param current the namespace of the call in progress, asked on every state access
   */
  public CachedStateBinder(BundleStateCache cache, Supplier<NamespaceState> current) {
    this.cache = cache;
    this.current = current;
  }

  @Override
  public <T> ValueState<T> bindValue(String id, StateSpec<ValueState<T>> spec, Coder<T> coder) {
    return new CachedStates.Value<>(cell(id, CellCodec.single(coder)));
  }

  @Override
  public <T> BagState<T> bindBag(String id, StateSpec<BagState<T>> spec, Coder<T> elemCoder) {
    return new CachedStates.Bag<>(cell(id, CellCodec.list(elemCoder)));
  }

  @Override
  public <T> SetState<T> bindSet(String id, StateSpec<SetState<T>> spec, Coder<T> elemCoder) {
    return new CachedStates.Set<>(cell(id, CellCodec.byEncoding(elemCoder, v -> bytesOf(elemCoder, v))),
        elemCoder);
  }

  @Override
  public <K, V> MapState<K, V> bindMap(String id, StateSpec<MapState<K, V>> spec,
      Coder<K> mapKeyCoder, Coder<V> mapValueCoder) {
    return new CachedStates.Map<>(cell(id, CellCodec.byEncoding(KvCoder.of(mapKeyCoder,
        mapValueCoder), kv -> bytesOf(mapKeyCoder, kv.getKey()))), mapKeyCoder);
  }

  @Override
  public <T> OrderedListState<T> bindOrderedList(String id, StateSpec<OrderedListState<T>> spec,
      Coder<T> elemCoder) {
    return new CachedStates.OrderedList<>(cell(id, CellCodec.timestamped(elemCoder)));
  }

  @Override
  public <InputT, AccumT, OutputT> CombiningState<InputT, AccumT, OutputT> bindCombining(String id,
      StateSpec<CombiningState<InputT, AccumT, OutputT>> spec, Coder<AccumT> accumCoder,
      CombineFn<InputT, AccumT, OutputT> combineFn) {
    return new CachedStates.Combining<>(cell(id, CellCodec.single(accumCoder)), combineFn);
  }

  private <R> CachedStates.CellRef<R> cell(String id, CellCodec<R> codec) {
    return new CachedStates.CellRef<>(cache, current, cache.register(id, codec));
  }

  static <T> Coder.StructuralByteArray bytesOf(Coder<T> coder, T value) {
    return new Coder.StructuralByteArray(CellCodec.encodeWith(coder, value));
  }
}
