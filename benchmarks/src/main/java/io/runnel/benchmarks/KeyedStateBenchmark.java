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
 * <p>{@code keyOrder=scrambled} (not run by default: {@code -p keyOrder=scrambled}) names the
 * keys through a fixed permutation of {@code [0, KEYS)} ({@code k * 7919 + 12345 mod KEYS}), so
 * that the order keys arrive in is unrelated to their hash codes: {@code Long} keys hash to their
 * own value, and with the sequential names a hash table's order, hence the order the garbage
 * collector copies the per-key objects in, can coincide with the order they are accessed in.
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
  /** Per scrambled key name, the key index it names. */
  private static final int[] UNSCRAMBLED = new int[KEYS];

  /** {@code sequential}: key index {@code i % KEYS} is the key; {@code scrambled}: see above. */
  @Param({"sequential"})
  public String keyOrder;

  /** Per key, from the generator: its number of events and where its last timer is set. */
  private static final long[] EXPECTED_COUNT = new long[KEYS];
  private static final long[] EXPECTED_FIRE_MILLIS = new long[KEYS];
  private static final long EXPECTED_FIRINGS;

  static {
    java.util.Arrays.fill(EXPECTED_FIRE_MILLIS, Long.MIN_VALUE);
    for (long i = 0; i < ELEMENTS; i++) {
      int key = (int) (i % KEYS);
      EXPECTED_COUNT[key]++;
      EXPECTED_FIRE_MILLIS[key] = Math.max(EXPECTED_FIRE_MILLIS[key], timerMillis(i));
    }
    long firings = 0;
    for (long count : EXPECTED_COUNT) {
      if (count > 0) {
        firings++;
      }
    }
    EXPECTED_FIRINGS = firings;
    for (int k = 0; k < KEYS; k++) {
      UNSCRAMBLED[(int) keyName(k, true)] = k;
    }
  }

  /** The key of key index {@code k}. */
  static long keyName(long k, boolean scrambled) {
    return scrambled ? (k * SCRAMBLE + 12_345) % KEYS : k;
  }

  /** The key index of a key. */
  static int keyIndex(long key, boolean scrambled) {
    return scrambled ? UNSCRAMBLED[(int) key] : (int) key;
  }

  private boolean scrambled() {
    if (!keyOrder.equals("sequential") && !keyOrder.equals("scrambled")) {
      throw new IllegalArgumentException("keyOrder must be sequential or scrambled, not "
          + keyOrder);
    }
    return keyOrder.equals("scrambled");
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
        .apply("Generate", ParDo.of(new GenerateTimestampedFn(scrambled())))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("CountWithTimers", ParDo.of(new CountWithTimerFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Check", ParDo.of(new CheckFiringFn(scrambled())));
    pipeline.run().waitUntilFinish();

    if (firingsSeen.sum() != EXPECTED_FIRINGS || totalSeen.sum() != ELEMENTS) {
      throw new IllegalStateException("keyed state is wrong: " + firingsSeen.sum()
          + " timer firings (expected " + EXPECTED_FIRINGS + "), total count " + totalSeen.sum()
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
        .apply("Generate", ParDo.of(new GenerateTimestampedFn(scrambled())))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("CountOnly", ParDo.of(new CountOnlyFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Check", ParDo.of(new CheckFinalCountFn(scrambled())));
    pipeline.run().waitUntilFinish();

    if (firingsSeen.sum() != EXPECTED_FIRINGS || totalSeen.sum() != ELEMENTS) {
      throw new IllegalStateException("state-only count is wrong: " + firingsSeen.sum()
          + " keys (expected " + EXPECTED_FIRINGS + "), total count " + totalSeen.sum()
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
    private final boolean scrambled;

    GenerateTimestampedFn(boolean scrambled) {
      this.scrambled = scrambled;
    }

    @ProcessElement
    public void process(@Element Long range, OutputReceiver<KV<Long, Long>> out) {
      long start = range * RANGE_SIZE;
      long end = start + RANGE_SIZE;
      for (long i = start; i < end; i++) {
        // Forward from the input's TIMESTAMP_MIN_VALUE, so no timestamp skew is needed.
        out.outputWithTimestamp(KV.of(keyName(i % KEYS, scrambled), i),
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
    private final boolean scrambled;

    CheckFiringFn(boolean scrambled) {
      this.scrambled = scrambled;
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> fired, @Timestamp Instant timestamp) {
      int key = keyIndex(fired.getKey(), scrambled);
      if (fired.getValue() != EXPECTED_COUNT[key]
          || timestamp.toEpochMilli() != EXPECTED_FIRE_MILLIS[key]) {
        throw new IllegalStateException("key index " + key + " fired with count " + fired.getValue()
            + " at " + timestamp + ", expected count " + EXPECTED_COUNT[key] + " at "
            + Instant.ofEpochMilli(EXPECTED_FIRE_MILLIS[key]));
      }
      if (firedPerKey.incrementAndGet(key) != 1) {
        throw new IllegalStateException("key index " + key + " fired more than once");
      }
      firingsSeen.increment();
      totalSeen.add(fired.getValue());
    }
  }

  /** The baseline's counter: {@code ValueState} only, emitted with the key's last element. */
  static final class CountOnlyFn extends DoFn<KV<Long, Long>, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> countSpec = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(@Element KV<Long, Long> element, @StateId("count") ValueState<Long> count,
        OutputReceiver<KV<Long, Long>> out) {
      Long current = count.read();
      long next = current == null ? 1L : current + 1L;
      count.write(next);
      // The generator's last element of this key (value i = key + 99 * KEYS) emits the count.
      if (element.getValue() + KEYS >= ELEMENTS) {
        out.output(KV.of(element.getKey(), next));
      }
    }
  }

  /** The baseline's check: each key once, with its exact count. */
  static final class CheckFinalCountFn extends DoFn<KV<Long, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final boolean scrambled;

    CheckFinalCountFn(boolean scrambled) {
      this.scrambled = scrambled;
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> fired) {
      int key = keyIndex(fired.getKey(), scrambled);
      if (fired.getValue() != EXPECTED_COUNT[key]) {
        throw new IllegalStateException("key index " + key + " counted " + fired.getValue()
            + ", expected " + EXPECTED_COUNT[key]);
      }
      if (firedPerKey.incrementAndGet(key) != 1) {
        throw new IllegalStateException("key index " + key + " emitted more than once");
      }
      firingsSeen.increment();
      totalSeen.add(fired.getValue());
    }
  }
}
