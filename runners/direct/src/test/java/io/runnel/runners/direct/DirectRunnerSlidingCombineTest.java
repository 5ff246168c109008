package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.TimestampCombiner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Combine.perKey} over sliding windows on bounded input, which the direct runner combines
 * by slices, against windows, sums and timestamps computed in plain Java from the definition of
 * sliding windows: the same windows, values, timestamps and panes as per-window combining.
 */
class DirectRunnerSlidingCombineTest {
  private static final Duration SIZE = Duration.ofMillis(60);
  private static final Duration PERIOD = Duration.ofMillis(20);
  /** Formats a result with its window, timestamp and pane. */
  static final class Describe extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      c.output(describe(c.element().getKey(), (IntervalWindow) window, c.element().getValue(),
          c.timestamp()) + " " + c.pane());
    }
  }

  /** Sums a group's values, for the path that groups instead of combining. */
  static final class SumGroup extends DoFn<KV<String, Iterable<Long>>, KV<String, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<Long>> group, OutputReceiver<KV<String, Long>> out) {
      long sum = 0;
      for (long value : group.getValue()) {
        sum += value;
      }
      out.output(KV.of(group.getKey(), sum));
    }
  }

  /** Moves each element's timestamp an hour later, keeping its windows. */
  static final class ShiftLater extends DoFn<KV<String, Long>, KV<String, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(ProcessContext c) {
      c.outputWithTimestamp(c.element(), c.timestamp().plus(Duration.ofHours(1)));
    }
  }

  /** Sums longs, counting {@code addInput} calls in a static counter (the runner copies fns). */
  static final class CountingSumFn extends Combine.CombineFn<Long, long[], Long> {
    private static final long serialVersionUID = 1L;
    static final AtomicLong ADD_INPUT_CALLS = new AtomicLong();

    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] addInput(long[] accumulator, Long input) {
      ADD_INPUT_CALLS.incrementAndGet();
      accumulator[0] += input;
      return accumulator;
    }

    @Override
    public long[] mergeAccumulators(Iterable<long[]> accumulators) {
      long[] merged = null;
      for (long[] accumulator : accumulators) {
        if (merged == null) {
          merged = accumulator;
        } else {
          merged[0] += accumulator[0];
        }
      }
      return merged == null ? createAccumulator() : merged;
    }

    @Override
    public Long extractOutput(long[] accumulator) {
      return accumulator[0];
    }
  }

  private static String describe(String key, IntervalWindow window, long sum, Instant timestamp) {
    return key + " [" + window.start().toEpochMilli() + "," + window.end().toEpochMilli() + ") sum="
        + sum + " @" + timestamp.toEpochMilli();
  }

  /** Keys a..d, values 1..n, timestamps in [-150, 150) ms with gaps, from a fixed seed. */
  private static List<TimestampedValue<KV<String, Long>>> input(int n) {
    Random random = new Random(7);
    List<TimestampedValue<KV<String, Long>>> input = new ArrayList<>();
    for (long v = 1; v <= n; v++) {
      long millis = random.nextInt(300) - 150;
      if (millis > 40 && millis < 90) {
        millis += 200; // a gap of more than a window for every key
      }
      input.add(TimestampedValue.of(KV.of("k" + random.nextInt(4), v), Instant.ofEpochMilli(millis)));
    }
    return input;
  }

  /** Per key and window containing some element: the sum and the combined timestamp. */
  private static List<String> expected(List<TimestampedValue<KV<String, Long>>> input, long offset,
      TimestampCombiner combiner) {
    Map<String, long[]> byWindow = new TreeMap<>(); // sum, earliest, latest, start
    long size = SIZE.toMillis();
    long period = PERIOD.toMillis();
    for (TimestampedValue<KV<String, Long>> e : input) {
      long ts = e.getTimestamp().toEpochMilli();
      for (long start = ts - size - period; start <= ts; start++) {
        if (Math.floorMod(start - offset, period) == 0 && start <= ts && ts < start + size) {
          long[] acc = byWindow.computeIfAbsent(e.getValue().getKey() + "|" + start,
              k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, 0});
          acc[0] += e.getValue().getValue();
          acc[1] = Math.min(acc[1], ts);
          acc[2] = Math.max(acc[2], ts);
          acc[3] = start;
        }
      }
    }
    List<String> out = new ArrayList<>();
    byWindow.forEach((id, acc) -> {
      long start = acc[3];
      long timestamp = switch (combiner) {
        case END_OF_WINDOW -> start + size - 1;
        case EARLIEST -> acc[1];
        case LATEST -> acc[2];
      };
      IntervalWindow window = new IntervalWindow(Instant.ofEpochMilli(start), SIZE);
      out.add(describe(id.substring(0, id.indexOf('|')), window, acc[0], Instant.ofEpochMilli(timestamp))
          + " " + PaneInfo.ON_TIME_AND_ONLY_FIRING);
    });
    return out;
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  private static PCollection<KV<String, Long>> windowed(Pipeline p,
      List<TimestampedValue<KV<String, Long>>> input, long offset, TimestampCombiner combiner) {
    return p.apply(Create.timestamped(input)
            .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply(Window.<KV<String, Long>>into(SlidingWindows.of(SIZE).every(PERIOD)
            .withOffset(Duration.ofMillis(offset))).withTimestampCombiner(combiner));
  }

  @ParameterizedTest
  @EnumSource(TimestampCombiner.class)
  void slicedSumsMatchTheDefinitionForEveryOffsetAndTimestampCombiner(TimestampCombiner combiner) {
    List<TimestampedValue<KV<String, Long>>> input = input(500);
    for (long offset : new long[] {0, 7, 19}) {
      Pipeline p = pipeline("--directBundleSize=13", "--directParallelism=3");
      PCollection<String> out = windowed(p, input, offset, combiner)
          .apply(Combine.<String, Long, Long>perKey(Sum.ofLongs()))
          .apply(ParDo.of(new Describe()));
      PAssert.that(out).containsInAnyOrder(expected(input, offset, combiner));
      p.run().waitUntilFinish();
    }
  }

  @Test
  void slicedSumsMatchGroupingThenSumming() {
    List<TimestampedValue<KV<String, Long>>> input = input(300);
    Pipeline p = pipeline();
    PCollection<KV<String, Long>> windowed = windowed(p, input, 5, TimestampCombiner.END_OF_WINDOW);
    PCollection<String> combined = windowed
        .apply("Combine", Combine.<String, Long, Long>perKey(Sum.ofLongs()))
        .apply("DescribeCombined", ParDo.of(new Describe()));
    PCollection<String> grouped = windowed
        .apply("Group", GroupByKey.create())
        .apply("SumGroups", ParDo.of(new SumGroup()))
        .apply("DescribeGrouped", ParDo.of(new Describe()));
    List<String> expected = expected(input, 5, TimestampCombiner.END_OF_WINDOW);
    PAssert.that(combined).containsInAnyOrder(expected);
    PAssert.that(grouped).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  @Test
  void elementsRetimestampedAfterWindowingKeepTheirWindows() {
    List<TimestampedValue<KV<String, Long>>> input = input(200);
    Pipeline p = pipeline();
    PCollection<String> out = windowed(p, input, 0, TimestampCombiner.END_OF_WINDOW)
        .apply(ParDo.of(new ShiftLater()))
        .apply(Combine.<String, Long, Long>perKey(Sum.ofLongs()))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(expected(input, 0, TimestampCombiner.END_OF_WINDOW));
    p.run().waitUntilFinish();
  }

  @Test
  void eachElementIsCombinedOnceNotOncePerWindow() {
    List<TimestampedValue<KV<String, Long>>> input = input(100);
    Pipeline p = pipeline("--directParallelism=2", "--directBundleSize=9");
    PCollection<String> out = windowed(p, input, 0, TimestampCombiner.END_OF_WINDOW)
        .apply(Combine.<String, Long, Long>perKey(new CountingSumFn()))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(expected(input, 0, TimestampCombiner.END_OF_WINDOW));
    CountingSumFn.ADD_INPUT_CALLS.set(0);

    p.run().waitUntilFinish();

    assertThat(CountingSumFn.ADD_INPUT_CALLS.get()).isEqualTo(input.size());
  }

  @Test
  void withAParDoBetweenWindowingAndCombiningEachWindowIsCombinedSeparately() {
    List<TimestampedValue<KV<String, Long>>> input = input(100);
    Pipeline p = pipeline();
    PCollection<String> out = windowed(p, input, 0, TimestampCombiner.END_OF_WINDOW)
        .apply(ParDo.of(new ShiftLater()))
        .apply(Combine.<String, Long, Long>perKey(new CountingSumFn()))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(expected(input, 0, TimestampCombiner.END_OF_WINDOW));
    CountingSumFn.ADD_INPUT_CALLS.set(0);

    p.run().waitUntilFinish();

    assertThat(CountingSumFn.ADD_INPUT_CALLS.get())
        .isEqualTo(input.size() * SIZE.dividedBy(PERIOD));
  }

  @Test
  void outputOrderIsTheSameWhateverTheParallelismAndBundleSize() {
    List<String> first = observeOrder("--directParallelism=1");

    assertThat(observeOrder("--directParallelism=3", "--directBundleSize=11")).isEqualTo(first);
    assertThat(observeOrder("--directParallelism=2", "--directBundleSize=5")).isEqualTo(first);
  }

  @Test
  void aSeedPermutesTheOutputReproducibly() {
    List<String> unseeded = observeOrder("--directParallelism=2");
    List<String> seeded = observeOrder("--directSeed=5", "--directParallelism=2");

    assertThat(observeOrder("--directSeed=5", "--directParallelism=1")).isEqualTo(seeded);
    assertThat(seeded).isNotEqualTo(unseeded).containsExactlyInAnyOrderElementsOf(unseeded);
  }

  private static List<String> observeOrder(String... args) {
    Pipeline p = pipeline(args);
    PCollection<String> out = windowed(p, input(400), 3, TimestampCombiner.END_OF_WINDOW)
        .apply(Combine.<String, Long, Long>perKey(Sum.ofLongs()))
        .apply(ParDo.of(new Describe()));
    return OutputOrder.runAndObserve(p, out);
  }
}
