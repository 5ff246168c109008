package io.runnel.sdk.io;

import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import java.time.Duration;
import java.time.Instant;

/**
 * The longs from a start, up to an end or forever: {@code p.apply(GenerateSequence.from(0).to(
 * 1000))}. Encoded with {@code VarLongCoder}, in the global window, in no particular order (the
 * range is read in parallel).
 *
 * <p>Bounded or not, as Beam decides: with {@link #to} and none of {@link #withRate}, {@link
 * #withTimestampFn} and {@link #withMaxReadTime}, it reads a bounded {@link CountingSource} of
 * {@code [from, to)} (elements at the minimum timestamp). Otherwise it reads the unbounded
 * counting source from {@code from} (elements timestamped with the processing time they are
 * read at, or by the timestamp function); the output is then bounded only if {@link #to} or
 * {@link #withMaxReadTime} limits it, through {@link BoundedReadFromUnboundedSource}.
 *
 * <p>Immutable and thread-safe; each {@code with} method returns a new transform.
 */
public final class GenerateSequence extends PTransform<PBegin, PCollection<Long>> {
  private static final long serialVersionUID = 1L;
  private static final long UNBOUNDED = -1;

  private final long from;
  private final long to;
  private final SerializableFunction<Long, Instant> timestampFn;
  private final long elementsPerPeriod;
  private final Duration period;
  private final Duration maxReadTime;

  private GenerateSequence(long from, long to, SerializableFunction<Long, Instant> timestampFn,
      long elementsPerPeriod, Duration period, Duration maxReadTime) {
    this.from = from;
    this.to = to;
    this.timestampFn = timestampFn;
    this.elementsPerPeriod = elementsPerPeriod;
    this.period = period;
    this.maxReadTime = maxReadTime;
  }

  /**
   * The longs from {@code from} (inclusive), with no end until {@link #to} gives one.
   *
   * @throws IllegalArgumentException when {@code from} is negative
   */
  public static GenerateSequence from(long from) {
    if (from < 0) {
      throw new IllegalArgumentException("GenerateSequence.from(" + from + "): the start must not"
          + " be negative");
    }
    return new GenerateSequence(from, UNBOUNDED, null, 0, null, null);
  }

  /**
   * Ends the sequence before {@code to} (exclusive); {@code to == from} gives no element.
   *
   * @throws IllegalArgumentException when {@code to} is before the start
   */
  public GenerateSequence to(long to) {
    if (to < from) {
      throw new IllegalArgumentException("GenerateSequence.to(" + to + "): the end must not be"
          + " before the start, from(" + from + ")");
    }
    return new GenerateSequence(from, to, timestampFn, elementsPerPeriod, period, maxReadTime);
  }

  /**
   * Timestamps value {@code v} with {@code timestampFn.apply(v)}, which must not decrease as the
   * value grows (the watermark follows it). Makes the sequence read the unbounded source.
   */
  public GenerateSequence withTimestampFn(SerializableFunction<Long, Instant> timestampFn) {
    if (timestampFn == null) {
      throw new IllegalArgumentException("GenerateSequence.withTimestampFn(null): give a"
          + " function, e.g. v -> Instant.ofEpochSecond(v)");
    }
    return new GenerateSequence(from, to, timestampFn, elementsPerPeriod, period, maxReadTime);
  }

  /**
   * Generates at most {@code numElements} per {@code periodLength} of processing time, counted
   * from when reading starts. Makes the sequence read the unbounded source.
   *
   * @throws IllegalArgumentException when {@code numElements} or {@code periodLength} is not
   *     positive
   */
  public GenerateSequence withRate(long numElements, Duration periodLength) {
    if (numElements <= 0) {
      throw new IllegalArgumentException("GenerateSequence.withRate(" + numElements + ", "
          + periodLength + "): the number of elements must be positive");
    }
    if (periodLength == null || periodLength.isNegative() || periodLength.isZero()) {
      throw new IllegalArgumentException("GenerateSequence.withRate(" + numElements + ", "
          + periodLength + "): the period must be a positive duration");
    }
    return new GenerateSequence(from, to, timestampFn, numElements, periodLength, maxReadTime);
  }

  /**
   * Stops generating after reading for {@code maxReadTime} of processing time; the output is
   * then bounded. Makes the sequence read the unbounded source.
   *
   * @throws IllegalArgumentException when {@code maxReadTime} is null or negative
   */
  public GenerateSequence withMaxReadTime(Duration maxReadTime) {
    BoundedReadFromUnboundedSource.checkMaxReadTime(maxReadTime,
        "GenerateSequence.withMaxReadTime");
    return new GenerateSequence(from, to, timestampFn, elementsPerPeriod, period, maxReadTime);
  }

  @Override
  public PCollection<Long> expand(PBegin input) {
    boolean endless = to == UNBOUNDED;
    boolean streaming = timestampFn != null || period != null || maxReadTime != null;
    if (!endless && !streaming) {
      return input.apply(Read.from(CountingSource.createSourceForSubrange(from, to)));
    }
    UnboundedCountingSource source = CountingSource.createUnboundedFrom(from);
    if (timestampFn != null) {
      source = source.withTimestampFn(timestampFn);
    }
    if (period != null) {
      source = source.withRate(elementsPerPeriod, period);
    }
    Read.Unbounded<Long> read = Read.from(source);
    if (maxReadTime == null) {
      return endless ? input.apply(read) : input.apply(read.withMaxNumRecords(to - from));
    }
    BoundedReadFromUnboundedSource<Long> timed = read.withMaxReadTime(maxReadTime);
    return input.apply(endless ? timed : timed.withMaxNumRecords(to - from));
  }
}
