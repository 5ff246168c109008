package io.runnel.runners.core;

import io.runnel.sdk.values.KV;
import java.util.function.Consumer;

/**
 * The accumulators of a lifted {@code Combine.perKey} on the batch path (bounded input, default
 * trigger): values are added as they arrive, tables of separate bundles are merged in a fixed
 * order, and once the input is complete every window fires once, as its on-time and only pane.
 * Implementations are owned by one thread.
 *
 * @see CombiningTable one accumulator per key and window
 * @see SlicingCombiningTable one accumulator per key and slice of sliding windows
 */
public interface CombineAccumulators<K, InputT, OutputT> {
  /** Adds an element's value to the accumulators of its key. */
  void add(WindowedValue<KV<K, InputT>> element);

  /**
   * Merges the accumulators of {@code later}, a table of the same kind built for the same
   * transform, which must not be used afterwards.
   */
  void mergeFrom(CombineAccumulators<K, InputT, OutputT> later);

  /** The number of accumulators held; zero when empty. */
  int size();

  /** Emits every key's output in each of its windows, then forgets them. */
  void fireAll(Consumer<WindowedValue<KV<K, OutputT>>> out, GroupOrder reorder);
}
