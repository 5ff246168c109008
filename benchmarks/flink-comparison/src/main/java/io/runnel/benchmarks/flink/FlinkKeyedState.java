package io.runnel.benchmarks.flink;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The workload of Runnel's {@code KeyedStateBenchmark.keyedState} on Apache Flink's local
 * execution: 10,000,000 {@code (key, i)} with {@code key = i % 100,000} and timestamps spread
 * over 100 minutes; per key a {@code ValueState<Long>} counter and one event-time timer moved to
 * the end of each element's minute (Flink keeps every registered timer, so the previous one is
 * deleted, the idiom for a moving timer; it only moves forward, as a key's elements arrive out of
 * time order here); a firing emits the key's count. As in Runnel's
 * benchmark on bounded input, no watermark moves before the input ends, so each key's timer
 * fires once, at the end of its last minute, with the count 100; every firing is checked.
 *
 * <p>Arguments: {@code STREAMING|BATCH} (runtime mode), parallelism, warm-up runs, measured runs.
 * Each run is one {@code env.execute()} (a local mini cluster, job start included), timed with
 * {@code System.nanoTime()}.
 */
public final class FlinkKeyedState {
  static final long ELEMENTS = 10_000_000L;
  static final int KEYS = 100_000;
  static final long SPAN_MILLIS = Duration.ofMinutes(100).toMillis();
  static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
  static final long START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  static final LongAdder FIRINGS = new LongAdder();
  static final LongAdder TOTAL = new LongAdder();
  static final AtomicIntegerArray FIRED = new AtomicIntegerArray(KEYS);

  private FlinkKeyedState() {}

  static long timestampMillis(long i) {
    return START_MILLIS + i * SPAN_MILLIS / ELEMENTS;
  }

  static long minuteEnd(long timestampMillis) {
    return (Math.floorDiv(timestampMillis, MINUTE_MILLIS) + 1) * MINUTE_MILLIS;
  }

  /** Counts each key's events; keeps one event-time timer per key at the end of the minute. */
  static final class CountWithTimer
      extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
    private transient ValueState<Long> count;
    private transient ValueState<Long> timerAt;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      timerAt = getRuntimeContext().getState(new ValueStateDescriptor<>("timerAt", Types.LONG));
    }

    @Override
    public void processElement(Tuple2<Long, Long> element, Context ctx,
        Collector<Tuple2<Long, Long>> out) throws Exception {
      Long current = count.value();
      count.update(current == null ? 1L : current + 1L);
      long end = minuteEnd(ctx.timestamp());
      Long previous = timerAt.value();
      // The two source subtasks interleave the sequence's halves, so a key's elements do not
      // arrive in time order as they do in Runnel's benchmark: move the timer forward only.
      if (previous == null || previous < end) {
        if (previous != null) {
          ctx.timerService().deleteEventTimeTimer(previous);
        }
        ctx.timerService().registerEventTimeTimer(end);
        timerAt.update(end);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out)
        throws Exception {
      timerAt.clear();
      long key = ctx.getCurrentKey();
      long expected = minuteEnd(timestampMillis(key + (ELEMENTS / KEYS - 1) * KEYS));
      if (timestamp != expected) {
        throw new IllegalStateException("key " + key + " fired at " + timestamp + ", expected "
            + expected);
      }
      out.collect(Tuple2.of(key, count.value()));
    }
  }

  /** Checks each firing's count (its time is checked where it fires); no key twice. */
  static final class Check implements MapFunction<Tuple2<Long, Long>, Long> {
    @Override
    public Long map(Tuple2<Long, Long> fired) {
      int key = fired.f0.intValue();
      if (fired.f1 != ELEMENTS / KEYS) {
        throw new IllegalStateException("key " + key + " fired with count " + fired.f1);
      }
      if (FIRED.incrementAndGet(key) != 1) {
        throw new IllegalStateException("key " + key + " fired twice");
      }
      FIRINGS.increment();
      TOTAL.add(fired.f1);
      return fired.f1;
    }
  }

  static double runOnce(RuntimeExecutionMode mode, int parallelism) throws Exception {
    FIRINGS.reset();
    TOTAL.reset();
    for (int k = 0; k < KEYS; k++) {
      FIRED.set(k, 0);
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
    env.setRuntimeMode(mode);
    env.setParallelism(parallelism);
    env.fromSequence(0, ELEMENTS - 1)
        .map(i -> Tuple2.of(i % KEYS, i))
        .returns(Types.TUPLE(Types.LONG, Types.LONG))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>noWatermarks()
            .withTimestampAssigner((element, previous) -> timestampMillis(element.f1)))
        .keyBy(element -> element.f0)
        .process(new CountWithTimer())
        .map(new Check())
        .sinkTo(new DiscardingSink<>());
    long start = System.nanoTime();
    env.execute("keyed state " + mode);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (FIRINGS.sum() != KEYS || TOTAL.sum() != ELEMENTS) {
      throw new IllegalStateException("wrong result: " + FIRINGS.sum() + " firings, total "
          + TOTAL.sum());
    }
    return seconds;
  }

  public static void main(String[] args) throws Exception {
    RuntimeExecutionMode mode = RuntimeExecutionMode.valueOf(args.length > 0 ? args[0] : "STREAMING");
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    for (int i = 0; i < warmups + runs; i++) {
      double seconds = runOnce(mode, parallelism);
      System.out.printf("%s run %d (%s, parallelism %d): %.3f s, %.0f events/s%n",
          i < warmups ? "warm-up" : "measured", i + 1, mode, parallelism, seconds,
          ELEMENTS / seconds);
    }
  }
}
