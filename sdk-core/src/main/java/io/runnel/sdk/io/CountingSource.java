package io.runnel.sdk.io;

import io.runnel.sdk.coders.BigEndianLongCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.NullableCoder;
import io.runnel.sdk.transforms.SerializableFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * Sources of consecutive longs. Most pipelines use {@link GenerateSequence}, which picks the
 * right one.
 *
 * <ul>
 *   <li>Bounded ({@link #upTo}): the numbers of a range {@code [start, end)}, with the minimum
 *       timestamp. It splits into contiguous sub-ranges of about the desired bundle size, and its
 *       estimated size is exactly 8 bytes per number.
 *   <li>Unbounded ({@link #unbounded}): the numbers from a start up to {@link Long#MAX_VALUE},
 *       optionally at most a number of elements per period of processing time. Elements are
 *       timestamped with the processing time they are read at, or by a function of the value;
 *       the watermark is the timestamp of the last element read. The checkpoint mark is the
 *       last value read ({@link CounterMark}); the source splits into {@code n} strided parts,
 *       part {@code i} reading {@code start + i, start + i + n, ...}.
 * </ul>
 */
public final class CountingSource {
  private CountingSource() {}

  /**
   * A bounded source of {@code 0, 1, ..., numElements - 1}.
   *
   * @throws IllegalArgumentException when {@code numElements} is negative
   */
  public static BoundedSource<Long> upTo(long numElements) {
    if (numElements < 0) {
      throw new IllegalArgumentException("CountingSource.upTo(" + numElements + "): the number"
          + " of elements must not be negative");
    }
    return new BoundedCountingSource(0, numElements);
  }

  /**
   * An unbounded source of {@code 0, 1, 2, ...}, as fast as it is read, each element timestamped
   * with the processing time it is read at.
   */
  public static UnboundedSource<Long, CounterMark> unbounded() {
    return createUnboundedFrom(0);
  }

  /**
   * An unbounded source of {@code 0, 1, 2, ...}, each element timestamped by {@code
   * timestampFn}, which must not decrease as the value grows (the watermark follows it).
   */
  public static UnboundedSource<Long, CounterMark> unboundedWithTimestampFn(
      SerializableFunction<Long, Instant> timestampFn) {
    return createUnboundedFrom(0).withTimestampFn(timestampFn);
  }

  /**
   * A bounded source of {@code [startIndex, endIndex)}; empty when they are equal.
   *
   * @throws IllegalArgumentException when {@code endIndex < startIndex}
   */
  static BoundedSource<Long> createSourceForSubrange(long startIndex, long endIndex) {
    if (endIndex < startIndex) {
      throw new IllegalArgumentException("CountingSource range [" + startIndex + ", " + endIndex
          + "): the end must not be before the start");
    }
    return new BoundedCountingSource(startIndex, endIndex);
  }

  /** An unbounded source of {@code start, start + 1, ...}, with no rate limit. */
  static UnboundedCountingSource createUnboundedFrom(long start) {
    return UnboundedCountingSource.from(start);
  }

  /**
   * The checkpoint mark of the unbounded counting source: the last value read, and when the
   * reader started (the rate limit counts from then). Immutable; finalizing does nothing.
   */
  public static final class CounterMark implements UnboundedSource.CheckpointMark {
    private final long lastEmitted;
    private final Instant startTime;

    /**
     * A mark after {@code lastEmitted}.
     *
     * @param startTime when the reader started, or null if it had not started
     */
    public CounterMark(long lastEmitted, Instant startTime) {
      this.lastEmitted = lastEmitted;
      this.startTime = startTime;
    }

    /** The last value read; a reader resumed from this mark reads the next one first. */
    public long getLastEmitted() {
      return lastEmitted;
    }

    /** When reading started, or null if it had not started. */
    public Instant getStartTime() {
      return startTime;
    }

    @Override
    public void finalizeCheckpoint() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof CounterMark that && lastEmitted == that.lastEmitted
          && Objects.equals(startTime, that.startTime);
    }

    @Override
    public int hashCode() {
      return Objects.hash(lastEmitted, startTime);
    }

    @Override
    public String toString() {
      return "CounterMark{lastEmitted=" + lastEmitted + ", startTime=" + startTime + "}";
    }
  }

  /** Encodes a {@link CounterMark}: the value in 8 bytes, then the nullable start time. */
  static final class CounterMarkCoder extends CustomCoder<CounterMark> {
    private static final long serialVersionUID = 1L;
    private static final CounterMarkCoder INSTANCE = new CounterMarkCoder();
    private static final Coder<Long> VALUE = BigEndianLongCoder.of();
    private static final Coder<Instant> START = NullableCoder.of(InstantCoder.of());

    private CounterMarkCoder() {}

    static CounterMarkCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CounterMark mark, OutputStream out) throws IOException {
      if (mark == null) {
        throw new CoderException(this + " cannot encode a null CounterMark");
      }
      VALUE.encode(mark.getLastEmitted(), out);
      START.encode(mark.getStartTime(), out);
    }

    @Override
    public CounterMark decode(InputStream in) throws IOException {
      return new CounterMark(VALUE.decode(in), START.decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof CounterMarkCoder;
    }

    @Override
    public int hashCode() {
      return CounterMarkCoder.class.hashCode();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
