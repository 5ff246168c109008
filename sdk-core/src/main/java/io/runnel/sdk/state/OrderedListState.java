package io.runnel.sdk.state;

import io.runnel.sdk.values.TimestampedValue;
import java.time.Instant;

/**
 * Values kept sorted by a timestamp of the user's choice (not necessarily the element's event
 * time). {@link #read} returns all values in ascending timestamp order; values with equal
 * timestamps come in no guaranteed order. Timestamps are {@link Instant}s at millisecond
 * precision, as everywhere in Runnel.
 *
 * @param <T> the value type
 */
public interface OrderedListState<T>
    extends GroupingState<TimestampedValue<T>, Iterable<TimestampedValue<T>>> {
  /**
   * The values with {@code minTimestamp <= timestamp < limitTimestamp}, in ascending timestamp
   * order.
   */
  Iterable<TimestampedValue<T>> readRange(Instant minTimestamp, Instant limitTimestamp);

  /** Removes the values with {@code minTimestamp <= timestamp < limitTimestamp}. */
  void clearRange(Instant minTimestamp, Instant limitTimestamp);

  /** Hints that {@link #readRange} will be called soon with these bounds. */
  OrderedListState<T> readRangeLater(Instant minTimestamp, Instant limitTimestamp);

  @Override
  OrderedListState<T> readLater();
}
