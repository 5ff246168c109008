package io.runnel.runners.core;

import static io.runnel.runners.core.GroupingHarness.pane;
import static io.runnel.runners.core.GroupingHarness.v;
import static io.runnel.runners.core.GroupingHarness.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runners.core.GroupingHarness.Out;
import io.runnel.windowing.AfterAll;
import io.runnel.windowing.AfterEach;
import io.runnel.windowing.AfterFirst;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Trigger;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedGroupingTriggersTest {
  private static GroupingHarness<Iterable<Integer>> harness(Trigger trigger, AccumulationMode mode,
      long latenessMillis) {
    return GroupingHarness.fixed(WindowingStrategy.of(FixedWindows.of(Duration.ofMillis(10)))
        .withTrigger(trigger).withMode(mode).withAllowedLateness(Duration.ofMillis(latenessMillis)), 10)
        .watermark(0);
  }

  private static Out out(List<Integer> values, PaneInfo pane) {
    return new Out("k", values, 9, window(0, 10), pane);
  }

  private static Trigger earlyAndLate() {
    return AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterPane.elementCountAtLeast(2))
        .withLateFirings(AfterPane.elementCountAtLeast(1));
  }

  @Test
  void earlyOnTimeAndLatePanesAccumulate() {
    GroupingHarness<Iterable<Integer>> h =
        harness(earlyAndLate(), AccumulationMode.ACCUMULATING_FIRED_PANES, 100);
    h.add(v(1, 1), v(2, 2));
    h.add(v(3, 3));
    h.watermark(10);
    h.add(v(4, 4));
    h.watermark(110);

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(1, 2, 3), pane(false, false, Timing.ON_TIME, 1, 0)),
        out(List.of(1, 2, 3, 4), pane(false, false, Timing.LATE, 2, 1)));
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void earlyOnTimeAndLatePanesDiscard() {
    GroupingHarness<Iterable<Integer>> h =
        harness(earlyAndLate(), AccumulationMode.DISCARDING_FIRED_PANES, 100);
    h.add(v(1, 1), v(2, 2));
    h.add(v(3, 3));
    h.watermark(10);
    h.add(v(4, 4));

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(3), pane(false, false, Timing.ON_TIME, 1, 0)),
        out(List.of(4), pane(false, false, Timing.LATE, 2, 1)));
  }

  @Test
  void emptyOnTimePaneIsEmittedAsTheFinalPane() {
    Trigger trigger = AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1));
    GroupingHarness<Iterable<Integer>> h = harness(trigger, AccumulationMode.DISCARDING_FIRED_PANES, 0);
    h.add(v(1, 1));
    h.watermark(10);

    assertThat(h.take()).containsExactly(
        out(List.of(1), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(), pane(false, true, Timing.ON_TIME, 1, 0)));
  }

  @Test
  void onTimePaneWithoutNewElementsRepeatsTheAccumulatedValues() {
    Trigger trigger = AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1));
    GroupingHarness<Iterable<Integer>> h = harness(trigger, AccumulationMode.ACCUMULATING_FIRED_PANES, 0);
    h.add(v(1, 1));
    h.watermark(10);

    assertThat(h.take()).containsExactly(
        out(List.of(1), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(1), pane(false, true, Timing.ON_TIME, 1, 0)));
  }

  @Test
  void watermarkTriggerWithoutLateFiringsClosesTheWindowAndDropsLaterElements() {
    GroupingHarness<Iterable<Integer>> h =
        harness(AfterWatermark.pastEndOfWindow(), AccumulationMode.DISCARDING_FIRED_PANES, 10);
    h.add(v(1, 1));
    h.watermark(10);
    h.add(v(2, 2));

    assertThat(h.take()).containsExactly(out(List.of(1), PaneInfo.ON_TIME_AND_ONLY_FIRING));
    assertThat(h.grouping.droppedDueToClosedWindow()).isEqualTo(1);
    assertThat(h.dropped).containsExactly(h.at("k", 2, 2));
    h.watermark(20);
    assertThat(h.take()).isEmpty();
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void elementCountTriggerFiresOncePerBundleNotPerElement() {
    GroupingHarness<Iterable<Integer>> h = harness(
        Repeatedly.forever(AfterPane.elementCountAtLeast(2)), AccumulationMode.DISCARDING_FIRED_PANES, 0);
    h.add(v(1, 1), v(2, 2), v(3, 3));
    h.add(v(4, 4));
    h.add(v(5, 5));
    h.watermark(10);

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2, 3), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(4, 5), pane(false, false, Timing.EARLY, 1, -1)),
        out(List.of(), pane(false, true, Timing.ON_TIME, 2, 0)));
  }

  @Test
  void processingTimeTriggerFiresOnceVirtualTimeIsPastTheDelay() {
    GroupingHarness<Iterable<Integer>> h = harness(Repeatedly.forever(
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMillis(5))),
        AccumulationMode.DISCARDING_FIRED_PANES, 0).processingTime(100);
    h.add(v(1, 1));
    assertThat(h.grouping.nextProcessingTimeTimer()).isEqualTo(Instant.ofEpochMilli(105));
    h.processingTime(105);
    assertThat(h.take()).isEmpty();

    h.processingTime(106);
    h.add(v(2, 2));
    h.processingTime(112);

    assertThat(h.take()).containsExactly(
        out(List.of(1), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(2), pane(false, false, Timing.EARLY, 1, -1)));
    assertThat(h.grouping.nextProcessingTimeTimer()).isNull();
  }

  @Test
  void alignedProcessingTimeTriggerWaitsForTheNextMultipleOfThePeriod() {
    GroupingHarness<Iterable<Integer>> h = harness(
        AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.ofMillis(10)),
        AccumulationMode.DISCARDING_FIRED_PANES, 0).processingTime(103);
    h.add(v(1, 1));

    assertThat(h.grouping.nextProcessingTimeTimer()).isEqualTo(Instant.ofEpochMilli(110));
  }

  @Test
  void afterEachRunsItsTriggersInOrderAndClosesAfterTheLast() {
    GroupingHarness<Iterable<Integer>> h = harness(AfterEach.inOrder(
        AfterPane.elementCountAtLeast(2), AfterPane.elementCountAtLeast(3)),
        AccumulationMode.DISCARDING_FIRED_PANES, 0);
    h.add(v(1, 1), v(2, 2));
    h.add(v(3, 3), v(4, 4));
    h.add(v(5, 5));
    h.add(v(6, 6));
    h.watermark(10);

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(3, 4, 5), pane(false, true, Timing.EARLY, 1, -1)));
    assertThat(h.grouping.droppedDueToClosedWindow()).isEqualTo(1);
  }

  @Test
  void orFinallyStopsFiringWhenTheUntilTriggerFires() {
    GroupingHarness<Iterable<Integer>> h = harness(Repeatedly.forever(AfterPane.elementCountAtLeast(2))
        .orFinally(AfterPane.elementCountAtLeast(5)), AccumulationMode.DISCARDING_FIRED_PANES, 0);
    h.add(v(1, 1), v(2, 2));
    h.add(v(3, 3), v(4, 4));
    h.add(v(5, 5));
    h.add(v(6, 6));

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(3, 4), pane(false, false, Timing.EARLY, 1, -1)),
        out(List.of(5), pane(false, true, Timing.EARLY, 2, -1)));
    assertThat(h.grouping.droppedDueToClosedWindow()).isEqualTo(1);
  }

  @Test
  void afterFirstFiresOnWhicheverIsFirstAndResetsTheOther() {
    GroupingHarness<Iterable<Integer>> h = harness(Repeatedly.forever(AfterFirst.of(
        AfterPane.elementCountAtLeast(3),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMillis(10)))),
        AccumulationMode.DISCARDING_FIRED_PANES, 0).processingTime(0);
    h.add(v(1, 1));
    h.processingTime(11);
    h.processingTime(20);
    h.add(v(2, 2), v(3, 3), v(4, 4));
    h.processingTime(31);

    assertThat(h.take()).containsExactly(
        out(List.of(1), pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(2, 3, 4), pane(false, false, Timing.EARLY, 1, -1)));
  }

  @Test
  void afterAllWaitsForEveryTriggerThenCloses() {
    GroupingHarness<Iterable<Integer>> h = harness(AfterAll.of(
        AfterPane.elementCountAtLeast(2),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMillis(10))),
        AccumulationMode.DISCARDING_FIRED_PANES, 0).processingTime(0);
    h.add(v(1, 1));
    h.processingTime(1);
    h.add(v(2, 2));
    assertThat(h.take()).isEmpty();

    h.processingTime(11);

    assertThat(h.take()).containsExactly(out(List.of(1, 2), pane(true, true, Timing.EARLY, 0, -1)));
  }

  @Test
  void processingTimeTimersOfExpiredWindowsAreIgnored() {
    GroupingHarness<Iterable<Integer>> h = harness(Repeatedly.forever(
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMillis(5))),
        AccumulationMode.DISCARDING_FIRED_PANES, 0).processingTime(0);
    h.add(v(1, 1));
    h.watermark(10);

    assertThat(h.take()).containsExactly(out(List.of(1), PaneInfo.ON_TIME_AND_ONLY_FIRING));
    assertThat(h.grouping.nextProcessingTimeTimer()).isNull();
    assertThat(h.grouping.isEmpty()).isTrue();
  }
}
