package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.Combine.CombineFn;
import java.util.Objects;

/**
 * Names one cell of state within a namespace and says what kind of cell it is and how its
 * contents encode: a backend keeps a cell however it likes (decoded on the heap, or as bytes)
 * and uses the tag's coders when it must encode (snapshots, a remote store). Tags compare by
 * id; one transform never gives one id two kinds. Immutable.
 *
 * @param <T> the type read back from the cell
 */
public sealed interface StateTag<T> {
  /** The cell's id, unique within a transform, such as a {@code @StateId} or "buffer". */
  String id();

  /** A single value; writing replaces it. */
  record Value<T>(String id, Coder<T> coder) implements StateTag<T> {
    public Value {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(coder, "coder");
    }
  }

  /** An unordered bag of values that can be appended to without reading it. */
  record Bag<T>(String id, Coder<T> elementCoder) implements StateTag<Iterable<T>> {
    public Bag {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(elementCoder, "elementCoder");
    }
  }

  /**
   * An accumulator of a {@link CombineFn} that inputs are added to without reading it. The
   * accumulator coder may be null when it cannot be determined; such a cell cannot be snapshot.
   */
  record Combining<InputT, AccumT, OutputT>(String id, CombineFn<InputT, AccumT, OutputT> fn,
      Coder<AccumT> accumulatorCoder) implements StateTag<AccumT> {
    public Combining {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fn, "fn");
    }
  }

  /**
   * A map whose entries are read and written one at a time; map keys compare by their coder's
   * structural value (by encoding, unless the coder is consistent with equals).
   */
  record Map<K, V>(String id, Coder<K> keyCoder, Coder<V> valueCoder)
      implements StateTag<Iterable<java.util.Map.Entry<K, V>>> {
    public Map {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(keyCoder, "keyCoder");
      Objects.requireNonNull(valueCoder, "valueCoder");
    }
  }
}
