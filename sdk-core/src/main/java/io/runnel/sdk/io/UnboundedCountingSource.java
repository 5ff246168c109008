package io.runnel.sdk.io;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.CountingSource.CounterMark;
import io.runnel.sdk.io.internal.WallClock;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.SerializableFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The numbers {@code start, start + stride, start + 2 * stride, ...} up to {@link
 * Long#MAX_VALUE}, as Beam's unbounded counting source. With a rate of {@code elementsPerPeriod}
 * per {@code period}, a reader started at time {@code t0} reads value {@code v} only once {@code
 * v - start <= elementsPerPeriod * (now - t0) / period} (values, not elements, are counted, so
 * that the parts of a strided split share the rate). Timestamps are {@code timestampFn(value)},
 * or the processing time of reading when there is no function. Immutable.
 */
final class UnboundedCountingSource extends UnboundedSource<Long, CounterMark> {
  private static final long serialVersionUID = 1L;

  final long start;
  final long stride;
  /** 0 when there is no rate limit. */
  final long elementsPerPeriod;
  /** Null when there is no rate limit. */
  final Duration period;
  /** Null to timestamp elements with the processing time they are read at. */
  final SerializableFunction<Long, Instant> timestampFn;
  final WallClock clock;

  private UnboundedCountingSource(long start, long stride, long elementsPerPeriod,
      Duration period, SerializableFunction<Long, Instant> timestampFn, WallClock clock) {
    this.start = start;
    this.stride = stride;
    this.elementsPerPeriod = elementsPerPeriod;
    this.period = period;
    this.timestampFn = timestampFn;
    this.clock = clock;
  }

  static UnboundedCountingSource from(long start) {
    return new UnboundedCountingSource(start, 1, 0, null, null, WallClock.system());
  }

  /**
   * This source, reading at most {@code elementsPerPeriod} values per {@code period}.
   *
   * @throws IllegalArgumentException when either is not positive
   */
  UnboundedCountingSource withRate(long elementsPerPeriod, Duration period) {
    if (elementsPerPeriod <= 0 || period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("Rate of " + elementsPerPeriod + " elements per "
          + period + ": both must be positive");
    }
    return new UnboundedCountingSource(start, stride, elementsPerPeriod, period, timestampFn,
        clock);
  }

  /** This source, timestamping value {@code v} with {@code timestampFn.apply(v)}. */
  UnboundedCountingSource withTimestampFn(SerializableFunction<Long, Instant> timestampFn) {
    Objects.requireNonNull(timestampFn, "timestampFn");
    return new UnboundedCountingSource(start, stride, elementsPerPeriod, period, timestampFn,
        clock);
  }

  /** This source, with readers consulting {@code clock} for the rate and default timestamps. */
  UnboundedCountingSource withClock(WallClock clock) {
    return new UnboundedCountingSource(start, stride, elementsPerPeriod, period, timestampFn,
        Objects.requireNonNull(clock, "clock"));
  }

  boolean hasRate() {
    return period != null;
  }

  /**
   * {@code desiredNumSplits} parts (at least one); part {@code i} starts at {@code start + i *
   * stride} and steps by {@code stride * desiredNumSplits}, so together they read every value
   * once. Each keeps the whole rate, counted in values: together they read at the same rate.
   */
  @Override
  public List<UnboundedCountingSource> split(int desiredNumSplits, PipelineOptions options) {
    int parts = Math.max(1, desiredNumSplits);
    long newStride = Math.multiplyExact(stride, (long) parts);
    List<UnboundedCountingSource> splits = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      splits.add(new UnboundedCountingSource(start + i * stride, newStride, elementsPerPeriod,
          period, timestampFn, clock));
    }
    return splits;
  }

  @Override
  public UnboundedReader<Long> createReader(PipelineOptions options, CounterMark checkpointMark) {
    return new UnboundedCountingReader(this, checkpointMark);
  }

  @Override
  public Coder<CounterMark> getCheckpointMarkCoder() {
    return CountingSource.CounterMarkCoder.of();
  }

  @Override
  public Coder<Long> getOutputCoder() {
    return VarLongCoder.of();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnboundedCountingSource that && start == that.start
        && stride == that.stride && elementsPerPeriod == that.elementsPerPeriod
        && Objects.equals(period, that.period) && Objects.equals(timestampFn, that.timestampFn)
        && clock.equals(that.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, stride, elementsPerPeriod, period, timestampFn);
  }

  @Override
  public String toString() {
    return "UnboundedCountingSource{start=" + start + ", stride=" + stride
        + (hasRate() ? ", rate=" + elementsPerPeriod + " per " + period : "") + "}";
  }
}
