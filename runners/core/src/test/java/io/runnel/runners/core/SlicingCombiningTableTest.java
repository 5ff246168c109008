package io.runnel.runners.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SlicingCombiningTableTest {
  private static final SlidingWindows TEN_EVERY_TWO =
      SlidingWindows.of(Duration.ofMillis(10)).every(Duration.ofMillis(2));

  /**
   * Collects every input, so a value lost or counted twice shows; merges into the first
   * accumulator only, as the CombineFn contract allows. Counts addInput calls.
   */
  static final class CollectFn extends Combine.CombineFn<Long, List<Long>, List<Long>> {
    private static final long serialVersionUID = 1L;
    int addInputCalls;

    @Override
    public List<Long> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Long> addInput(List<Long> accumulator, Long input) {
      addInputCalls++;
      accumulator.add(input);
      return accumulator;
    }

    @Override
    public List<Long> mergeAccumulators(Iterable<List<Long>> accumulators) {
      List<Long> first = null;
      for (List<Long> accumulator : accumulators) {
        if (first == null) {
          first = accumulator;
        } else {
          first.addAll(accumulator);
        }
      }
      return first == null ? createAccumulator() : first;
    }

    @Override
    public List<Long> extractOutput(List<Long> accumulator) {
      List<Long> sorted = new ArrayList<>(accumulator);
      sorted.sort(null);
      return sorted;
    }
  }

  private static WindowingStrategy<?, ?> strategy(SlidingWindows windows, TimestampCombiner combiner) {
    return WindowingStrategy.of(windows).withTimestampCombiner(combiner);
  }

  private static SlicingCombiningTable<String, Long, List<Long>, List<Long>> slicing(
      WindowingStrategy<?, ?> strategy, CollectFn fn) {
    return new SlicingCombiningTable<>(StringUtf8Coder.of(), fn, strategy);
  }

  /** An element as it is before window assignment: in the global window. */
  private static WindowedValue<KV<String, Long>> element(String key, long value, long millis) {
    return WindowedValue.timestampedValueInGlobalWindow(KV.of(key, value), Instant.ofEpochMilli(millis));
  }

  /** The same element after {@code windows} assigned it. */
  private static WindowedValue<KV<String, Long>> assigned(WindowedValue<KV<String, Long>> e,
      SlidingWindows windows) {
    return WindowedValue.of(e.getValue(), e.getTimestamp(), windows.windowsFor(e.getTimestamp()), e.getPane());
  }

  private static List<String> fire(CombineAccumulators<String, Long, List<Long>> table) {
    List<String> out = new ArrayList<>();
    table.fireAll(v -> out.add(v.getWindows() + " " + v.getValue() + " @" + v.getTimestamp()
        + " " + v.getPane()), GroupOrder.arrival());
    return out;
  }

  @ParameterizedTest
  @EnumSource(TimestampCombiner.class)
  void matchesTheTableOfAssignedWindowsAcrossOffsetsNegativeTimestampsAndMergedBundles(
      TimestampCombiner combiner) {
    long[][] sizesAndPeriods = {{12, 3}, {10, 10}, {15, 3}, {7, 1}};
    for (long[] sizeAndPeriod : sizesAndPeriods) {
      for (long offset = 0; offset < Math.min(3, sizeAndPeriod[1]); offset++) {
        checkAgainstAssignedWindows(combiner, SlidingWindows.of(Duration.ofMillis(sizeAndPeriod[0]))
            .every(Duration.ofMillis(sizeAndPeriod[1])).withOffset(Duration.ofMillis(offset)));
      }
    }
  }

  private static void checkAgainstAssignedWindows(TimestampCombiner combiner, SlidingWindows windows) {
    long offset = windows.getOffset().toMillis();
    WindowingStrategy<?, ?> strategy = strategy(windows, combiner);
    Random random = new Random(42 + offset);
    CollectFn slicingFn = new CollectFn();
    CollectFn referenceFn = new CollectFn();
    SlicingCombiningTable<String, Long, List<Long>, List<Long>> sliced = slicing(strategy, slicingFn);
    CombiningTable<String, Long, List<Long>, List<Long>> reference =
        new CombiningTable<>(StringUtf8Coder.of(), referenceFn, strategy);
    for (int bundle = 0; bundle < 5; bundle++) {
      SlicingCombiningTable<String, Long, List<Long>, List<Long>> slicedPart = slicing(strategy, slicingFn);
      CombiningTable<String, Long, List<Long>, List<Long>> referencePart =
          new CombiningTable<>(StringUtf8Coder.of(), referenceFn, strategy);
      for (int i = 0; i < 60; i++) {
        // Sparse and negative timestamps, so some windows see one slice and some keys gaps.
        long millis = random.nextInt(80) - 40 + (random.nextInt(4) == 0 ? 200 : 0);
        WindowedValue<KV<String, Long>> e = element("k" + random.nextInt(3), bundle * 100L + i, millis);
        slicedPart.add(e);
        referencePart.add(assigned(e, windows));
      }
      sliced.mergeFrom(slicedPart);
      reference.mergeFrom(referencePart);
    }

    assertThat(fire(sliced)).as("%s", windows).containsExactlyInAnyOrderElementsOf(fire(reference));
    assertThat(sliced.size()).isZero();
  }

  @Test
  void eachElementIsAddedToOneAccumulatorNotOnePerWindow() {
    CollectFn fn = new CollectFn();
    SlicingCombiningTable<String, Long, List<Long>, List<Long>> table =
        slicing(strategy(TEN_EVERY_TWO, TimestampCombiner.END_OF_WINDOW), fn);
    for (long i = 0; i < 100; i++) {
      table.add(element("k", i, i));
    }

    assertThat(fn.addInputCalls).isEqualTo(100);
    assertThat(table.size()).as("slices").isEqualTo(50);
  }

  @Test
  void oneElementFiresEveryWindowContainingItAsOnTimeOnlyPanesAtTheirEnds() {
    SlicingCombiningTable<String, Long, List<Long>, List<Long>> table =
        slicing(strategy(TEN_EVERY_TWO, TimestampCombiner.END_OF_WINDOW), new CollectFn());
    table.add(element("k", 7, -3));
    List<WindowedValue<KV<String, List<Long>>>> out = new ArrayList<>();

    table.fireAll(out::add, GroupOrder.arrival());

    List<IntervalWindow> byStart = new ArrayList<>(TEN_EVERY_TWO.windowsFor(Instant.ofEpochMilli(-3)));
    Collections.reverse(byStart);
    assertThat(out).extracting(v -> (IntervalWindow) v.getWindows().iterator().next())
        .containsExactlyElementsOf(byStart);
    assertThat(out).allSatisfy(v -> {
      assertThat(v.getValue().getValue()).containsExactly(7L);
      assertThat(v.getTimestamp()).isEqualTo(v.getWindows().iterator().next().maxTimestamp());
      assertThat(v.getPane()).isEqualTo(PaneInfo.ON_TIME_AND_ONLY_FIRING);
    });
  }

  @Test
  void keysComeInArrivalOrderAndEachKeysWindowsByStartSkippingEmptyWindows() {
    SlicingCombiningTable<String, Long, List<Long>, List<Long>> table =
        slicing(strategy(TEN_EVERY_TWO, TimestampCombiner.END_OF_WINDOW), new CollectFn());
    table.add(element("b", 1, 100));
    table.add(element("a", 2, 0));
    table.add(element("b", 3, 0));

    List<String> out = new ArrayList<>();
    table.fireAll(v -> out.add(v.getValue().getKey() + ((IntervalWindow) v.getWindows().iterator()
        .next()).start().toEpochMilli()), GroupOrder.arrival());

    assertThat(out).containsExactly("b-8", "b-6", "b-4", "b-2", "b0", "b92", "b94", "b96", "b98",
        "b100", "a-8", "a-6", "a-4", "a-2", "a0");
  }

  @Test
  void windowsEndingPastTheMaximumTimestampAreCappedAsSlidingWindowsCapsThem() {
    WindowingStrategy<?, ?> strategy = strategy(TEN_EVERY_TWO, TimestampCombiner.END_OF_WINDOW);
    SlicingCombiningTable<String, Long, List<Long>, List<Long>> sliced = slicing(strategy, new CollectFn());
    CombiningTable<String, Long, List<Long>, List<Long>> reference =
        new CombiningTable<>(StringUtf8Coder.of(), new CollectFn(), strategy);
    long nearMax = BoundedWindow.TIMESTAMP_MAX_VALUE.toEpochMilli() - 5;
    WindowedValue<KV<String, Long>> e = element("k", 1, nearMax);
    sliced.add(e);
    reference.add(assigned(e, TEN_EVERY_TWO));

    assertThat(fire(sliced)).containsExactlyInAnyOrderElementsOf(fire(reference));
  }

  @Test
  void onlySlidingWindowsWhosePeriodDividesTheSizeQualify() {
    assertThat(SlicingCombiningTable.supports(WindowingStrategy.of(TEN_EVERY_TWO))).isTrue();
    assertThat(SlicingCombiningTable.supports(WindowingStrategy.of(
        SlidingWindows.of(Duration.ofMillis(10)).every(Duration.ofMillis(3))))).isFalse();
    assertThat(SlicingCombiningTable.supports(WindowingStrategy.of(
        FixedWindows.of(Duration.ofMillis(10))))).isFalse();
  }
}
