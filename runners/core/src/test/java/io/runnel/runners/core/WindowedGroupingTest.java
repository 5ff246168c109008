package io.runnel.runners.core;

import static io.runnel.runners.core.GroupingHarness.pane;
import static io.runnel.runners.core.GroupingHarness.v;
import static io.runnel.runners.core.GroupingHarness.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.runners.core.GroupingHarness.Out;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedGroupingTest {
  private static final WindowingStrategy<Object, ?> FIXED = WindowingStrategy.of(FixedWindows.of(Duration.ofMillis(10)));

  @Test
  void defaultTriggerEmitsOneOnTimePaneOnceTheWatermarkIsPastTheEndOfWindow() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED, 10).watermark(0);
    h.add(v(1, 1), v(2, 5));
    h.watermark(9);
    assertThat(h.take()).isEmpty();

    h.watermark(10);

    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1, 2), 9, window(0, 10), PaneInfo.ON_TIME_AND_ONLY_FIRING));
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void elementOfAnExpiredWindowIsDroppedAndCounted() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED, 10).watermark(10);

    h.add(v(4, 3));

    assertThat(h.dropped).containsExactly(h.at("k", 4, 3));
    assertThat(h.grouping.droppedDueToLateness()).isEqualTo(1);
    assertThat(h.grouping.isEmpty()).isTrue();
    h.watermark(1000);
    assertThat(h.take()).isEmpty();
  }

  @Test
  void lateElementWithinAllowedLatenessGivesALatePaneStampedAtEndOfWindow() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(
        FIXED.withAllowedLateness(Duration.ofMillis(10)), 10).watermark(0);
    h.add(v(1, 1));
    h.watermark(10);
    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1), 9, window(0, 10), pane(true, false, Timing.ON_TIME, 0, 0)));

    h.add(v(3, 2));

    assertThat(h.take()).containsExactly(
        new Out("k", List.of(3), 9, window(0, 10), pane(false, false, Timing.LATE, 1, 1)));
    // No data is buffered, but the garbage-collection timer (9 + 10) still holds the watermark.
    assertThat(h.grouping.watermarkHold()).isEqualTo(java.time.Instant.ofEpochMilli(19));
  }

  @Test
  void garbageCollectionEmitsNothingWhenNoNewElementsRemain() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(
        FIXED.withAllowedLateness(Duration.ofMillis(10)), 10).watermark(0);
    h.add(v(1, 1));
    h.watermark(10);
    h.take();

    h.watermark(20);

    assertThat(h.take()).isEmpty();
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void garbageCollectionEmitsAFinalLatePaneWithRemainingElements() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED
        .withTrigger(io.runnel.windowing.Never.ever())
        .withAllowedLateness(Duration.ofMillis(10)), 10).watermark(0);
    h.add(v(1, 1));
    h.watermark(15);
    assertThat(h.take()).isEmpty();

    h.watermark(20);

    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1), 9, window(0, 10), PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void outputTimestampIsTheEarliestElementWithEarliestCombiner() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(
        FIXED.withTimestampCombiner(TimestampCombiner.EARLIEST), 10).watermark(0);
    h.add(v(5, 5), v(2, 2));
    assertThat(h.grouping.watermarkHold()).isEqualTo(Instant.ofEpochMilli(2));

    h.watermark(10);

    assertThat(h.take()).extracting(Out::timestamp).containsExactly(2L);
    assertThat(h.grouping.watermarkHold()).isNull();
  }

  @Test
  void outputTimestampIsTheLatestElementWithLatestCombiner() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(
        FIXED.withTimestampCombiner(TimestampCombiner.LATEST), 10).watermark(0);
    h.add(v(5, 5), v(2, 2));
    assertThat(h.grouping.watermarkHold()).isEqualTo(Instant.ofEpochMilli(5));

    h.watermark(10);

    assertThat(h.take()).extracting(Out::timestamp).containsExactly(5L);
  }

  @Test
  void endOfWindowCombinerHoldsTheWatermarkAtTheEndOfTheWindow() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED, 10).watermark(0);
    h.add(v(5, 5));

    assertThat(h.grouping.watermarkHold()).isEqualTo(Instant.ofEpochMilli(9));
    assertThat(h.grouping.outputWatermark()).isEqualTo(Instant.ofEpochMilli(0));
    h.watermark(5);
    assertThat(h.grouping.outputWatermark()).isEqualTo(Instant.ofEpochMilli(5));
    h.watermark(50);
    assertThat(h.grouping.outputWatermark()).isEqualTo(Instant.ofEpochMilli(50));
  }

  @Test
  void elementBehindTheOutputWatermarkIsHeldAndStampedAtTheEndOfWindow() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(
        FIXED.withTimestampCombiner(TimestampCombiner.EARLIEST), 10).watermark(5);

    h.add(v(3, 3));

    assertThat(h.grouping.watermarkHold()).isEqualTo(Instant.ofEpochMilli(9));
    h.watermark(10);
    assertThat(h.take()).extracting(Out::timestamp).containsExactly(9L);
  }

  @Test
  void combiningContentsEmitTheCombinedValue() {
    GroupingHarness<Integer> h = GroupingHarness.summing(FIXED, 10).watermark(0);
    h.add(v(1, 1), v(2, 2));
    h.add(v(3, 3));

    h.watermark(10);

    assertThat(h.take()).containsExactly(
        new Out("k", 6, 9, window(0, 10), PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void keysFireInOrderOfFirstAppearanceAndWindowsInTimeOrder() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED, 10).watermark(0);
    h.bundle(List.of(h.at("b", 1, 12), h.at("a", 2, 1), h.at("b", 3, 2)));

    h.watermark(100);

    assertThat(h.take()).extracting(o -> o.key() + o.window() + o.value()).containsExactly(
        "b" + window(0, 10) + "[3]", "a" + window(0, 10) + "[2]", "b" + window(10, 20) + "[1]");
  }

  @Test
  void sameInputsGiveSameOutputsInTheSameOrder() {
    assertThat(runMixedScenario()).isEqualTo(runMixedScenario());
  }

  private static List<Out> runMixedScenario() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED
        .withAllowedLateness(Duration.ofMillis(30)), 10).watermark(0);
    for (int i = 0; i < 50; i++) {
      h.bundle(List.of(h.at("k" + (i % 7), i, (i * 13) % 60), h.at("x" + (i % 3), i, (i * 7) % 60)));
      if (i % 10 == 9) {
        h.watermark(i * 2);
      }
    }
    h.watermark(1000);
    return h.take();
  }

  @Test
  void timeGoingBackwardsIsRejectedNamingTheTransform() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED, 10).watermark(50);

    assertThatThrownBy(() -> h.watermark(40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Group");
  }
}
