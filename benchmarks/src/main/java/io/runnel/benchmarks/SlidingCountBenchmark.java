package io.runnel.benchmarks;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.SlidingWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sliding-window count per key on the direct runner: {@value #ELEMENTS} {@code KV<Long, Long>}
 * with {@value #KEYS} keys ({@code key = i % KEYS}) whose timestamps are spread uniformly over
 * two hours of event time ({@code START + i * 2h / ELEMENTS}), windowed into one-hour windows
 * starting every minute and counted with {@code Count.perKey()}. Every element is in 60 windows.
 * A sink checks every window's count, window bounds and output timestamp against a table computed
 * in plain Java, and the number of output records and the total over all windows. One invocation
 * runs the whole pipeline; events/s = ELEMENTS / time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SlidingCountBenchmark {
  static final long ELEMENTS = 10_000_000L;
  static final int KEYS = 10_000;
  static final int RANGES = 10_000;
  static final long RANGE_SIZE = ELEMENTS / RANGES;
  static final Duration SIZE = Duration.ofHours(1);
  static final Duration PERIOD = Duration.ofMinutes(1);
  static final long SPAN_MILLIS = Duration.ofHours(2).toMillis();
  /** Half a minute past a minute boundary, so the first and last minutes are partly filled. */
  static final long START_MILLIS = Instant.parse("2026-01-01T00:00:30Z").toEpochMilli();

  private static final long PERIOD_MILLIS = PERIOD.toMillis();
  private static final int SLICES_PER_WINDOW = (int) (SIZE.toMillis() / PERIOD_MILLIS);
  private static final long FIRST_SLICE = sliceOf(0);
  private static final int SLICES = (int) (sliceOf(ELEMENTS - 1) - FIRST_SLICE + 1);
  /** Per key, prefix sums of its elements per one-minute slice; computed without the pipeline. */
  private static final int[][] PREFIX = prefixCounts();
  private static final long EXPECTED_RECORDS = expectedRecords();

  static final LongAdder recordsSeen = new LongAdder();
  static final LongAdder totalSeen = new LongAdder();

  /** Runs the pipeline once and returns the sum of all windows' counts (checked). */
  @Benchmark
  public long slidingCount(DirectRunnerParams params) {
    recordsSeen.reset();
    totalSeen.reset();
    Pipeline pipeline = Pipeline.create(params.options());
    pipeline
        .apply("Ranges", RangeSource.of(RANGES))
        .apply("Generate", ParDo.of(new GenerateTimestampedFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Slide", Window.<KV<Long, Long>>into(SlidingWindows.of(SIZE).every(PERIOD)))
        .apply("CountPerKey", Count.<Long, Long>perKey())
        .apply("Check", ParDo.of(new CheckCountFn()));
    pipeline.run().waitUntilFinish();

    long expectedTotal = ELEMENTS * SLICES_PER_WINDOW;
    if (recordsSeen.sum() != EXPECTED_RECORDS || totalSeen.sum() != expectedTotal) {
      throw new IllegalStateException("sliding count is wrong: " + recordsSeen.sum()
          + " records (expected " + EXPECTED_RECORDS + "), total " + totalSeen.sum()
          + " (expected " + expectedTotal + ")");
    }
    return totalSeen.sum();
  }

  static long timestampMillis(long i) {
    return START_MILLIS + i * SPAN_MILLIS / ELEMENTS;
  }

  private static long sliceOf(long i) {
    return Math.floorDiv(timestampMillis(i), PERIOD_MILLIS);
  }

  private static int[][] prefixCounts() {
    int[][] prefix = new int[KEYS][SLICES + 1];
    for (long i = 0; i < ELEMENTS; i++) {
      prefix[(int) (i % KEYS)][(int) (sliceOf(i) - FIRST_SLICE) + 1]++;
    }
    for (int[] row : prefix) {
      for (int s = 1; s <= SLICES; s++) {
        row[s] += row[s - 1];
      }
    }
    return prefix;
  }

  /** The key's elements in the window whose first slice (relative to FIRST_SLICE) is given. */
  private static long expectedCount(int key, long firstSlice) {
    int from = (int) Math.max(0, Math.min(SLICES, firstSlice));
    int to = (int) Math.max(0, Math.min(SLICES, firstSlice + SLICES_PER_WINDOW));
    return PREFIX[key][to] - PREFIX[key][from];
  }

  /** Windows with at least one element, over all keys: what the count emits. */
  private static long expectedRecords() {
    long records = 0;
    for (int key = 0; key < KEYS; key++) {
      for (long first = 1 - SLICES_PER_WINDOW; first < SLICES; first++) {
        if (expectedCount(key, first) > 0) {
          records++;
        }
      }
    }
    return records;
  }

  /** Emits the elements of one range, timestamped over the two hours. */
  static final class GenerateTimestampedFn extends DoFn<Long, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Long range, OutputReceiver<KV<Long, Long>> out) {
      long start = range * RANGE_SIZE;
      long end = start + RANGE_SIZE;
      for (long i = start; i < end; i++) {
        // Forward from the input's TIMESTAMP_MIN_VALUE, so no timestamp skew is needed.
        out.outputWithTimestamp(KV.of(i % KEYS, i), Instant.ofEpochMilli(timestampMillis(i)));
      }
    }
  }

  /** Checks each window's count, bounds and timestamp, and tallies records and the total. */
  static final class CheckCountFn extends DoFn<KV<Long, Long>, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Long, Long> count, @Timestamp Instant timestamp,
        BoundedWindow window) {
      IntervalWindow interval = (IntervalWindow) window;
      long startMillis = interval.start().toEpochMilli();
      if (Math.floorMod(startMillis, PERIOD_MILLIS) != 0
          || !interval.end().equals(interval.start().plus(SIZE))
          || !timestamp.equals(window.maxTimestamp())) {
        throw new IllegalStateException("wrong window or timestamp for " + count + ": " + window
            + " @ " + timestamp);
      }
      long firstSlice = Math.floorDiv(startMillis, PERIOD_MILLIS) - FIRST_SLICE;
      long expected = expectedCount(count.getKey().intValue(), firstSlice);
      if (count.getValue() != expected) {
        throw new IllegalStateException("count of key " + count.getKey() + " in " + window
            + " is " + count.getValue() + ", expected " + expected);
      }
      recordsSeen.increment();
      totalSeen.add(count.getValue());
    }
  }
}
