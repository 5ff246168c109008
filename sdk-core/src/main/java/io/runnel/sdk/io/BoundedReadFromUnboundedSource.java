package io.runnel.sdk.io;

import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import java.time.Duration;

/**
 * A bounded read of part of an {@link UnboundedSource}: at most {@link #getMaxNumRecords()}
 * elements, read for at most {@link #getMaxReadTime()}, whichever limit is reached first. Made by
 * {@link Read.Unbounded#withMaxNumRecords} and {@link Read.Unbounded#withMaxReadTime}; mostly for
 * tests and demos of streaming sources. Its output is a bounded {@code PCollection} in the
 * global window, encoded with the source's output coder.
 *
 * <p>A primitive: the runner splits the source, reads each split until the limits are reached
 * (the record limit is shared among the splits, the time limit applies to each split, counted
 * in processing time from when its reading starts), deduplicates by record id when the source
 * {@linkplain UnboundedSource#requiresDeduping() requires it}, and finalizes the checkpoint mark
 * of each split when done. Immutable and thread-safe.
 *
 * @param <T> the type of the elements read
 */
public final class BoundedReadFromUnboundedSource<T> extends PTransform<PBegin, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final UnboundedSource<T, ?> source;
  private final long maxNumRecords;
  private final Duration maxReadTime;

  BoundedReadFromUnboundedSource(UnboundedSource<T, ?> source, long maxNumRecords,
      Duration maxReadTime) {
    this.source = source;
    this.maxNumRecords = maxNumRecords;
    this.maxReadTime = maxReadTime;
  }

  /**
   * This read, stopping after {@code maxNumRecords} elements in total.
   *
   * @throws IllegalArgumentException when {@code maxNumRecords} is negative
   */
  public BoundedReadFromUnboundedSource<T> withMaxNumRecords(long maxNumRecords) {
    return new BoundedReadFromUnboundedSource<>(source, checkMaxNumRecords(maxNumRecords,
        "BoundedReadFromUnboundedSource.withMaxNumRecords"), maxReadTime);
  }

  /**
   * This read, stopping each split after reading for {@code maxReadTime}.
   *
   * @throws IllegalArgumentException when {@code maxReadTime} is null or negative
   */
  public BoundedReadFromUnboundedSource<T> withMaxReadTime(Duration maxReadTime) {
    return new BoundedReadFromUnboundedSource<>(source, maxNumRecords, checkMaxReadTime(
        maxReadTime, "BoundedReadFromUnboundedSource.withMaxReadTime"));
  }

  /** The source read. */
  public UnboundedSource<T, ?> getSource() {
    return source;
  }

  /** The most elements to read, over all splits; {@link Long#MAX_VALUE} when unlimited. */
  public long getMaxNumRecords() {
    return maxNumRecords;
  }

  /** How long each split reads, in processing time; null when unlimited. */
  public Duration getMaxReadTime() {
    return maxReadTime;
  }

  @Override
  public PCollection<T> expand(PBegin input) {
    return Read.primitiveOutput(input, source, PCollection.IsBounded.BOUNDED);
  }

  @Override
  protected String getKindString() {
    return Read.kindString(source);
  }

  static long checkMaxNumRecords(long maxNumRecords, String call) {
    if (maxNumRecords < 0) {
      throw new IllegalArgumentException(call + "(" + maxNumRecords + "): the number of records"
          + " must not be negative; use 0 to read nothing, or Long.MAX_VALUE for no limit");
    }
    return maxNumRecords;
  }

  static Duration checkMaxReadTime(Duration maxReadTime, String call) {
    if (maxReadTime == null || maxReadTime.isNegative()) {
      throw new IllegalArgumentException(call + "(" + maxReadTime + "): the read time must be"
          + " a non-negative duration, e.g. Duration.ofSeconds(10)");
    }
    return maxReadTime;
  }
}
