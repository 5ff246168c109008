package io.runnel.sdk.state;

/**
 * A set of values, compared by their encoding with the spec's element coder (so that coder must
 * be deterministic). {@link #read} returns the elements in no guaranteed order.
 *
 * @param <T> the element type
 */
public interface SetState<T> extends GroupingState<T, Iterable<T>> {
  /** Whether the set holds {@code t}; lazy. */
  ReadableState<Boolean> contains(T t);

  /** Adds {@code t} if absent; the result reads true if it was absent (so it was added). */
  ReadableState<Boolean> addIfAbsent(T t);

  /** Removes {@code t} if present. */
  void remove(T t);

  @Override
  SetState<T> readLater();
}
