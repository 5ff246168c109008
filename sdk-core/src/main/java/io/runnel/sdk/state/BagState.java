package io.runnel.sdk.state;

/**
 * An unordered multiset of values: {@link #add} is cheap and never reads; {@link #read} returns
 * all values added (an empty iterable when none), in no guaranteed order.
 *
 * @param <T> the element type
 */
public interface BagState<T> extends GroupingState<T, Iterable<T>> {
  @Override
  BagState<T> readLater();
}
