package io.runnel.benchmarks;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.WindowFn;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A streaming count per key on the direct runner's keyed event-time engine: an unbounded
 * {@code GenerateSequence} read for {@value #ELEMENTS} records ({@code to(n)} with a timestamp
 * function, i.e. an unbounded counting source read as a bounded one, in real time), with event
 * times advancing uniformly over one minute ({@code START + i * 6 µs}), keyed {@code i % }{@value
 * #KEYS}, windowed into one-minute fixed windows (or five-minute sessions) triggering early every
 * {@value #EARLY_EVERY} elements of a pane, on time when the watermark passes the end, accumulating,
 * and counted with {@code Count.perKey()}. Each key has 1,000 elements in its one window: one early
 * pane, then the on-time pane. A sink checks every pane: timings, counts (the on-time pane of every
 * key holds all of its 1,000 elements, an early pane holds at least 1,000), windows and the totals.
 * Events/s = ELEMENTS / time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class StreamingCountBenchmark {
  static final long ELEMENTS = 10_000_000L;
  static final int KEYS = 10_000;
  static final int EARLY_EVERY = 1_000;
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final long NANOS_PER_ELEMENT = Duration.ofMinutes(1).toNanos() / ELEMENTS;

  /** {@code fixed}: one-minute fixed windows; {@code sessions}: sessions with a 5-minute gap. */
  @Param({"fixed", "sessions"})
  public String windows;

  static final LongAdder onTimePanes = new LongAdder();
  static final LongAdder onTimeTotal = new LongAdder();
  static final LongAdder earlyPanes = new LongAdder();
  static final LongAdder wrongPanes = new LongAdder();

  /** Runs the pipeline once and returns the sum of the on-time counts (checked). */
  @Benchmark
  public long streamingCount(DirectRunnerParams params) {
    onTimePanes.reset();
    onTimeTotal.reset();
    earlyPanes.reset();
    wrongPanes.reset();
    Pipeline pipeline = Pipeline.create(params.options());
    WindowFn<Object, ?> windowFn = windows.equals("fixed")
        ? FixedWindows.of(Duration.ofMinutes(1)) : Sessions.withGapDuration(Duration.ofMinutes(5));
    PCollection<KV<Long, Long>> keyed = pipeline
        .apply("Generate", GenerateSequence.from(0).to(ELEMENTS).withTimestampFn(new EventTime()))
        .apply("Key", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.longs(),
            TypeDescriptors.longs())).via((Long i) -> KV.of(i % KEYS, i)))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()));
    keyed
        .apply("Window", Window.<KV<Long, Long>>into(windowFn)
            .triggering(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterPane.elementCountAtLeast(EARLY_EVERY)))
            .withAllowedLateness(Duration.ZERO)
            .accumulatingFiredPanes())
        .apply("CountPerKey", Count.perKey())
        .apply("Check", ParDo.of(new CheckPaneFn()));
    pipeline.run().waitUntilFinish();

    long perKey = ELEMENTS / KEYS;
    if (wrongPanes.sum() != 0 || onTimePanes.sum() != KEYS || onTimeTotal.sum() != ELEMENTS
        || earlyPanes.sum() > KEYS) {
      throw new IllegalStateException("streaming count is wrong: " + wrongPanes.sum()
          + " wrong panes, " + onTimePanes.sum() + " on-time panes (expected " + KEYS + " of "
          + perKey + " each), on-time total " + onTimeTotal.sum() + " (expected " + ELEMENTS
          + "), " + earlyPanes.sum() + " early panes (at most one per key)");
    }
    return onTimeTotal.sum();
  }

  /** Event time of element {@code i}: one minute spread evenly over all elements. */
  static final class EventTime implements SerializableFunction<Long, Instant> {
    private static final long serialVersionUID = 1L;

    @Override
    public Instant apply(Long i) {
      return START.plusNanos(i * NANOS_PER_ELEMENT);
    }
  }

  /** Checks each pane of a key's count against what the key's elements give. */
  static final class CheckPaneFn extends DoFn<KV<Long, Long>, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Long, Long> count, PaneInfo pane, BoundedWindow window) {
      long perKey = ELEMENTS / KEYS;
      IntervalWindow interval = (IntervalWindow) window;
      long key = count.getKey();
      Instant first = START.plusNanos(key * NANOS_PER_ELEMENT);
      boolean windowHoldsKey = !interval.start().isAfter(first) && interval.end().isAfter(first);
      switch (pane.getTiming()) {
        case EARLY -> {
          earlyPanes.increment();
          if (count.getValue() < EARLY_EVERY || count.getValue() > perKey || !windowHoldsKey) {
            wrongPanes.increment();
          }
        }
        case ON_TIME -> {
          onTimePanes.increment();
          onTimeTotal.add(count.getValue());
          if (count.getValue() != perKey || !windowHoldsKey || !pane.isLast()) {
            wrongPanes.increment();
          }
        }
        default -> wrongPanes.increment();
      }
    }
  }
}
