package io.runnel.benchmarks;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 * A keyed counter in {@code ValueState} with event-time timers, on the direct runner:
 * {@value #ELEMENTS} {@code KV<Long, Long>} with {@value #KEYS} keys ({@code key = i % KEYS},
 * {@code value = i}) whose timestamps are spread uniformly over 100 minutes of event time
 * ({@code START + i * 100 min / ELEMENTS}, so each key sees one event in each of the 100
 * minutes). A stateful {@code DoFn} counts each key's events in a {@code ValueState<Long>} and,
 * for every element, sets the key's event-time timer to the end of the element's minute (setting
 * it again replaces it); {@code @OnTimer} emits the key's count, stamped with the firing time.
 *
 * <p>On bounded input the direct runner's input watermark stays at the minimum until the whole
 * input has gone through the stateful step, then passes every timer at once: each key's timer is
 * set 100 times (moved forward each minute) and fires once, at the end of the key's last minute,
 * with the key's final count. The sink checks, against tables computed in plain Java from the
 * generator, the number of firings (one per key), each key's count and firing time, and that no
 * key fires twice. One invocation runs the whole pipeline; events/s = ELEMENTS / time.
 *
 * <p>Key orders ({@code -p keyOrder=...}; only {@code sequential} runs by default): with {@code
 * sequential} keys every key comes back after exactly {@value #KEYS} elements, in the same order,
 * so a runner whose per-key objects lie in memory in key order (allocated in that order, in one
 * table indexed by the key's own hash, as {@code Long} keys hash to their value) reads them
 * almost sequentially. {@code scrambled} names the keys through a fixed permutation of {@code [0,
 * KEYS)} ({@code k * 7919 + 12345 mod KEYS}): the same cycle, with hash codes unrelated to it.
 * {@code random} draws each element's key from a hash of {@code i} (SplitMix64), so no order
 * repeats and keys have about 100 events each, not exactly 100: what a real stream of keys
 * looks like to the caches.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class KeyedStateBenchmark {
  static final long ELEMENTS = 10_000_000L;
  static final int KEYS = 100_000;
  /** Ranges the input is generated in; see {@link RangeSource} for why this many. */
  static final int RANGES = 10_000;
  static final long RANGE_SIZE = ELEMENTS / RANGES;
  static final long SPAN_MILLIS = Duration.ofMinutes(100).toMillis();
  static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
  /** On a minute boundary. */
  static final long START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  /** Multiplier of the scrambled key names: a prime, so coprime with {@value #KEYS}. */
  static final long SCRAMBLE = 7_919;
  static final String[] KEY_ORDERS = {"sequential", "scrambled", "random"};

  /**
   * How element {@code i} is keyed: {@code sequential}, {@code i % KEYS}; {@code scrambled},
   * that index through a fixed permutation; {@code random}, a hash of {@code i} modulo {@code
   * KEYS} (see the class comment).
   */
  @Param({"sequential"})
  public String keyOrder;

  /** Per key order, per key, from the generator: events, last timer, index of the last event. */
  private static final Expected[] EXPECTED = new Expected[KEY_ORDERS.length];

  private record Expected(long[] count, long[] fireMillis, long[] lastIndex, long firings) {}

  /** What the generator gives in key order {@code order}, computed once. */
  static synchronized Expected expected(int order) {
    if (EXPECTED[order] == null) {
      long[] count = new long[KEYS];
      long[] fireMillis = new long[KEYS];
      long[] lastIndex = new long[KEYS];
      java.util.Arrays.fill(fireMillis, Long.MIN_VALUE);
      for (long i = 0; i < ELEMENTS; i++) {
        int key = (int) keyOf(i, order);
        count[key]++;
        fireMillis[key] = Math.max(fireMillis[key], timerMillis(i));
        lastIndex[key] = i;
      }
      long firings = java.util.Arrays.stream(count).filter(c -> c > 0).count();
      EXPECTED[order] = new Expected(count, fireMillis, lastIndex, firings);
    }
    return EXPECTED[order];
  }

  /** The key of element {@code i} in key order {@code order}. */
  static long keyOf(long i, int order) {
    long index = i % KEYS;
    return switch (order) {
      case 0 -> index;
      case 1 -> (index * SCRAMBLE + 12_345) % KEYS;
      default -> Long.remainderUnsigned(mix(i), KEYS);
    };
  }

  /** SplitMix64's finalizer: a fixed, well-spread hash of {@code x}. */
  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private int order() {
    int order = java.util.Arrays.asList(KEY_ORDERS).indexOf(keyOrder);
    if (order < 0) {
      throw new IllegalArgumentException("keyOrder must be one of "
          + String.join(", ", KEY_ORDERS) + ", not " + keyOrder);
    }
    return order;
  }

  /** What the sink saw in the current run; static because the runner copies DoFns. */
  static final LongAdder firingsSeen = new LongAdder();
  static final LongAdder totalSeen = new LongAdder();
  static final AtomicIntegerArray firedPerKey = new AtomicIntegerArray(KEYS);

  /** Runs the pipeline once and returns the total of all emitted counts (checked). */
  @Benchmark
  public long keyedState(DirectRunnerParams params) {
    firingsSeen.reset();
    totalSeen.reset();
    for (int k = 0; k < KEYS; k++) {
      firedPerKey.set(k, 0);
    }
    Pipeline pipeline = Pipeline.create(params.options());
    pipeline
        .apply("Ranges", RangeSource.of(RANGES))
        .apply("Generate", ParDo.of(new GenerateTimestampedFn(order())))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("CountWithTimers", ParDo.of(new CountWithTimerFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Check", ParDo.of(new CheckFiringFn(order())));
    pipeline.run().waitUntilFinish();

    long expectedFirings = expected(order()).firings();
    if (firingsSeen.sum() != expectedFirings || totalSeen.sum() != ELEMENTS) {
      throw new IllegalStateException("keyed state is wrong: " + firingsSeen.sum()
          + " timer firings (expected " + expectedFirings + "), total count " + totalSeen.sum()
          + " (expected " + ELEMENTS + ")");
    }
    return totalSeen.sum();
  }

  /**
   * Baseline, not the workload: the same input and {@code ValueState} counter without
   * the timer; the key's last element (by the generator) emits the count, so neither timers nor
   * {@code @OnWindowExpiration} run. The difference
   * to {@link #keyedState} is what setting 10M timers (and firing 100k) costs.
   */
  @Benchmark
  public long stateOnlyBaseline(DirectRunnerParams params) {
    firingsSeen.reset();
    totalSeen.reset();
    for (int k = 0; k < KEYS; k++) {
      firedPerKey.set(k, 0);
    }
    Pipeline pipeline = Pipeline.create(params.options());
    pipeline
        .apply("Ranges", RangeSource.of(RANGES))
        .apply("Generate", ParDo.of(new GenerateTimestampedFn(order())))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("CountOnly", ParDo.of(new CountOnlyFn(order())))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Check", ParDo.of(new CheckFinalCountFn(order())));
    pipeline.run().waitUntilFinish();

    long expectedKeys = expected(order()).firings();
    if (firingsSeen.sum() != expectedKeys || totalSeen.sum() != ELEMENTS) {
      throw new IllegalStateException("state-only count is wrong: " + firingsSeen.sum()
          + " keys (expected " + expectedKeys + "), total count " + totalSeen.sum()
          + " (expected " + ELEMENTS + ")");
    }
    return totalSeen.sum();
  }

  static long timestampMillis(long i) {
    return START_MILLIS + i * SPAN_MILLIS / ELEMENTS;
  }

  /** The end of the minute holding element {@code i}: where its timer is set. */
  static long timerMillis(long i) {
    return (Math.floorDiv(timestampMillis(i), MINUTE_MILLIS) + 1) * MINUTE_MILLIS;
  }

  /** Emits the elements of one range, timestamped over the 100 minutes. */
  static final class GenerateTimestampedFn extends DoFn<Long, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;
    private final int order;

    GenerateTimestampedFn(int order) {
      this.order = order;
    }

    @ProcessElement
    public void process(@Element Long range, OutputReceiver<KV<Long, Long>> out) {
      long start = range * RANGE_SIZE;
      long end = start + RANGE_SIZE;
      for (long i = start; i < end; i++) {
        // Forward from the input's TIMESTAMP_MIN_VALUE, so no timestamp skew is needed.
        out.outputWithTimestamp(KV.of(keyOf(i, order), i),
            Instant.ofEpochMilli(timestampMillis(i)));
      }
    }
  }

  /**
   * Counts each key's events in {@code ValueState}; every element sets the key's event-time timer
   * to the end of its minute (replacing the previous setting); a firing emits the key's count.
   */
  static final class CountWithTimerFn extends DoFn<KV<Long, Long>, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> countSpec = StateSpecs.value(VarLongCoder.of());

    @TimerId("endOfMinute")
    private final TimerSpec endOfMinuteSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Timestamp Instant timestamp, @StateId("count") ValueState<Long> count,
        @TimerId("endOfMinute") Timer endOfMinute) {
      Long current = count.read();
      count.write(current == null ? 1L : current + 1L);
      long minuteEnd =
          (Math.floorDiv(timestamp.toEpochMilli(), MINUTE_MILLIS) + 1) * MINUTE_MILLIS;
      endOfMinute.set(Instant.ofEpochMilli(minuteEnd));
    }

    @OnTimer("endOfMinute")
    public void onEndOfMinute(@Key Long key, @StateId("count") ValueState<Long> count,
        OutputReceiver<KV<Long, Long>> out) {
      Long current = count.read();
      out.output(KV.of(key, current == null ? 0L : current));
    }
  }

  /** Checks each firing's count and time against the generator; tallies firings and counts. */
  static final class CheckFiringFn extends DoFn<KV<Long, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final int order;

    CheckFiringFn(int order) {
      this.order = order;
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> fired, @Timestamp Instant timestamp) {
      int key = fired.getKey().intValue();
      Expected expected = expected(order);
      if (fired.getValue() != expected.count()[key]
          || timestamp.toEpochMilli() != expected.fireMillis()[key]) {
        throw new IllegalStateException("key " + key + " fired with count " + fired.getValue()
            + " at " + timestamp + ", expected count " + expected.count()[key] + " at "
            + Instant.ofEpochMilli(expected.fireMillis()[key]));
      }
      if (firedPerKey.incrementAndGet(key) != 1) {
        throw new IllegalStateException("key " + key + " fired more than once");
      }
      firingsSeen.increment();
      totalSeen.add(fired.getValue());
    }
  }

  /** The baseline's counter: {@code ValueState} only, emitted with the key's last element. */
  static final class CountOnlyFn extends DoFn<KV<Long, Long>, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;
    private final int order;

    CountOnlyFn(int order) {
      this.order = order;
    }

    @StateId("count")
    private final StateSpec<ValueState<Long>> countSpec = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(@Element KV<Long, Long> element, @StateId("count") ValueState<Long> count,
        OutputReceiver<KV<Long, Long>> out) {
      Long current = count.read();
      long next = current == null ? 1L : current + 1L;
      count.write(next);
      // The generator's last element of this key emits the count.
      if (element.getValue() == expected(order).lastIndex()[element.getKey().intValue()]) {
        out.output(KV.of(element.getKey(), next));
      }
    }
  }

  /** The baseline's check: each key once, with its exact count. */
  static final class CheckFinalCountFn extends DoFn<KV<Long, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final int order;

    CheckFinalCountFn(int order) {
      this.order = order;
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> fired) {
      int key = fired.getKey().intValue();
      long expected = expected(order).count()[key];
      if (fired.getValue() != expected) {
        throw new IllegalStateException("key " + key + " counted " + fired.getValue()
            + ", expected " + expected);
      }
      if (firedPerKey.incrementAndGet(key) != 1) {
        throw new IllegalStateException("key " + key + " emitted more than once");
      }
      firingsSeen.increment();
      totalSeen.add(fired.getValue());
    }
  }
}
