package io.runnel.sdk.state;

import java.util.Map;
import java.util.function.Function;

/**
 * A map from keys to values, keys compared by their encoding with the spec's key coder (so that
 * coder must be deterministic). Lookups are lazy: each returns a {@link ReadableState} whose
 * {@code read()} fetches the value, so several lookups can be prefetched with {@code readLater()}.
 * Iteration order is not guaranteed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface MapState<K, V> extends State {
  /** Associates {@code value} with {@code key}, replacing any previous value. */
  void put(K key, V value);

  /**
   * The value of {@code key}; if absent, stores {@code mappingFunction.apply(key)} first. The
   * result reads the value held before the call, or null if there was none, as in Beam.
   */
  ReadableState<V> computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction);

  /** Like {@link #computeIfAbsent} with a constant value. */
  default ReadableState<V> putIfAbsent(K key, V value) {
    return computeIfAbsent(key, k -> value);
  }

  /** Removes the value of {@code key}, if any. */
  void remove(K key);

  /** The value of {@code key}; reads null when absent. */
  ReadableState<V> get(K key);

  /** The value of {@code key}; reads {@code defaultValue} when absent. */
  ReadableState<V> getOrDefault(K key, V defaultValue);

  /** All keys. */
  ReadableState<Iterable<K>> keys();

  /** All values. */
  ReadableState<Iterable<V>> values();

  /** All entries. */
  ReadableState<Iterable<Map.Entry<K, V>>> entries();

  /** Whether the map holds no entry. */
  ReadableState<Boolean> isEmpty();
}
