package io.runnel.runners.core.state;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keyed state of one transform for the key groups of one {@link KeyGroupRange}: cells named by
 * {@link StateTag}s, per key and {@link StateNamespace} (a window, or the key itself). As in
 * Flink's keyed backends, the runner sets the current key and every access applies to it; cells
 * offer partial operations, so appending to a bag, adding to a combining cell or putting one map
 * entry never reads the whole cell. A backend keeps cells however it likes (decoded on the heap,
 * or encoded) and encodes them with the tags' coders for {@link #snapshot}s, which are per
 * key-group range, so a runner can shard, snapshot and rescale by range.
 *
 * <p>Values read are the backend's own: callers must not modify them (write instead).
 * Implementations need not be thread-safe: one thread owns a backend at a time.
 */
public interface StateBackend {
  /** The job's maximum parallelism: the number of key groups. */
  int maxParallelism();

  /** The key groups this backend holds; keys of other groups are rejected. */
  KeyGroupRange keyGroupRange();

  /**
   * Makes {@code key} the key that later accesses apply to.
   *
   * @throws IllegalArgumentException if the key's group is not in {@link #keyGroupRange()}
   */
  void setCurrentKey(StateKey key);

  /** The current key, or null before the first {@link #setCurrentKey}. */
  StateKey currentKey();

  /** The value of a value cell of the current key, or null when empty. */
  <T> T readValue(StateNamespace namespace, StateTag.Value<T> tag);

  /** Replaces a value cell's value; null empties the cell. */
  <T> void writeValue(StateNamespace namespace, StateTag.Value<T> tag, T value);

  /**
   * {@link #readValue(StateNamespace, StateTag.Value)} of {@code at}'s key and namespace, which
   * becomes the current key. A backend may remember in {@code at} where the pair's cells are,
   * so that the next access through it costs no lookup.
   */
  default <T> T readValue(NamespaceState at, StateTag.Value<T> tag) {
    setCurrentKey(at.stateKey());
    return readValue(at.namespace(), tag);
  }

  /** {@link #writeValue(StateNamespace, StateTag.Value, Object)} through {@code at}, as above. */
  default <T> void writeValue(NamespaceState at, StateTag.Value<T> tag, T value) {
    setCurrentKey(at.stateKey());
    writeValue(at.namespace(), tag, value);
  }

  /** Appends to a bag, without reading it. */
  <T> void addToBag(StateNamespace namespace, StateTag.Bag<T> tag, T value);

  /** The values of a bag in the order added (empty when the cell is); do not modify it. */
  <T> Iterable<T> readBag(StateNamespace namespace, StateTag.Bag<T> tag);

  /** Adds an input to a combining cell's accumulator, making one if the cell is empty. */
  <InputT, AccumT> void addToCombining(StateNamespace namespace,
      StateTag.Combining<InputT, AccumT, ?> tag, InputT input);

  /** Merges {@code accumulator} into a combining cell (taking it as the cell's if empty). */
  <AccumT> void mergeIntoCombining(StateNamespace namespace, StateTag.Combining<?, AccumT, ?> tag,
      AccumT accumulator);

  /** A combining cell's accumulator, or null when the cell is empty. */
  <AccumT> AccumT readAccumulator(StateNamespace namespace, StateTag.Combining<?, AccumT, ?> tag);

  /** One entry of a map cell, or null. */
  <K, V> V readMapEntry(StateNamespace namespace, StateTag.Map<K, V> tag, K mapKey);

  /** Puts one entry into a map cell; a null value removes the entry. */
  <K, V> void putMapEntry(StateNamespace namespace, StateTag.Map<K, V> tag, K mapKey, V value);

  /** The entries of a map cell, in insertion order; do not modify them. */
  <K, V> Iterable<Map.Entry<K, V>> readMap(StateNamespace namespace, StateTag.Map<K, V> tag);

  /** Whether a cell of the current key is empty. */
  boolean isEmpty(StateNamespace namespace, StateTag<?> tag);

  /** Empties one cell of the current key. */
  void clear(StateNamespace namespace, StateTag<?> tag);

  /** Empties every cell of the current key in {@code namespace}. */
  void clearNamespace(StateNamespace namespace);

  /** Calls {@code action} with every key and namespace holding at least one cell. */
  void forEachNamespace(BiConsumer<StateKey, StateNamespace> action);

  /** How many (key, namespace) pairs hold at least one cell. */
  int liveNamespaces();

  /** How many non-empty cells there are. */
  long liveCells();

  /**
   * Every cell of the key groups of {@code range} (which must lie in {@link #keyGroupRange()}),
   * encoded with the tags' coders, for {@link #restore}.
   */
  byte[] snapshot(KeyGroupRange range);

  /**
   * Adds the cells of a {@link #snapshot}, replacing whatever this backend held for the key
   * groups the snapshot covers; those must lie in {@link #keyGroupRange()}. Cells are decoded
   * when first accessed, with the tag they are accessed with.
   */
  void restore(byte[] snapshot);
}
