package io.runnel.runners.core;

import static io.runnel.runners.core.GroupingHarness.pane;
import static io.runnel.runners.core.GroupingHarness.v;
import static io.runnel.runners.core.GroupingHarness.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runners.core.GroupingHarness.Out;
import io.runnel.windowing.AfterEach;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.Trigger;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import io.runnel.windowing.WindowingStrategy.ClosingBehavior;
import io.runnel.windowing.WindowingStrategy.OnTimeBehavior;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowingStrategy.OnTimeBehavior}: whether an ON_TIME pane without new elements is
 * emitted. The scenarios are those of Beam's {@code ReduceFnRunnerTest} (empty on-time panes).
 */
class WindowedGroupingOnTimeBehaviorTest {
  /** Early panes 5 ms of processing time after the first element until the watermark, then late panes after 25 ms. */
  private static Trigger speculativeOnTimeAndLate() {
    return AfterEach.inOrder(
        Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMillis(5)))
            .orFinally(AfterWatermark.pastEndOfWindow()),
        Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMillis(25))));
  }

  /** A sum over fixed 10 ms windows, accumulating, with 100 ms allowed lateness, at time 0 on both clocks. */
  private static GroupingHarness<Integer> summing(Trigger trigger, ClosingBehavior closing,
      OnTimeBehavior onTime) {
    WindowingStrategy<?, ?> strategy = WindowingStrategy.of(FixedWindows.of(Duration.ofMillis(10)))
        .withTimestampCombiner(TimestampCombiner.EARLIEST)
        .withTrigger(trigger)
        .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
        .withAllowedLateness(Duration.ofMillis(100))
        .withClosingBehavior(closing)
        .withOnTimeBehavior(onTime);
    return GroupingHarness.summing(strategy, 10).watermark(0).processingTime(0);
  }

  private static Out sum(int value, long timestamp, PaneInfo pane) {
    return new Out("k", value, timestamp, window(0, 10), pane);
  }

  @Test
  void emptyOnTimePaneFromOrFinallyIsEmittedByDefault() {
    GroupingHarness<Integer> h = summing(speculativeOnTimeAndLate(),
        ClosingBehavior.FIRE_IF_NON_EMPTY, OnTimeBehavior.FIRE_ALWAYS);
    h.add(v(1, 1), v(1, 3), v(1, 7), v(1, 5));
    h.processingTime(6);
    h.watermark(11);

    assertThat(h.take()).containsExactly(
        sum(4, 1, pane(true, false, Timing.EARLY, 0, -1)),
        sum(4, 9, pane(false, false, Timing.ON_TIME, 1, 0)));
  }

  @Test
  void emptyOnTimePaneIsSkippedWhenFireIfNonEmptyAndTheFinalPaneTakesItsIndex() {
    GroupingHarness<Integer> h = summing(speculativeOnTimeAndLate(),
        ClosingBehavior.FIRE_ALWAYS, OnTimeBehavior.FIRE_IF_NON_EMPTY);
    h.add(v(1, 1), v(1, 3), v(1, 7), v(1, 5));
    h.processingTime(6);
    h.watermark(11);
    assertThat(h.take()).containsExactly(sum(4, 1, pane(true, false, Timing.EARLY, 0, -1)));

    h.watermark(110);

    assertThat(h.take()).containsExactly(sum(4, 9, pane(false, true, Timing.LATE, 1, 0)));
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void latePaneAfterASkippedOnTimePaneIsTheFirstNonSpeculativePane() {
    GroupingHarness<Integer> h = summing(speculativeOnTimeAndLate(),
        ClosingBehavior.FIRE_IF_NON_EMPTY, OnTimeBehavior.FIRE_IF_NON_EMPTY);
    h.add(v(1, 1), v(1, 3), v(1, 7), v(1, 5));
    h.processingTime(6);
    h.watermark(11);
    h.add(v(1, 9));
    h.processingTime(6 + 25 + 1);

    assertThat(h.take()).containsExactly(
        sum(4, 1, pane(true, false, Timing.EARLY, 0, -1)),
        sum(5, 9, pane(false, false, Timing.LATE, 1, 0)));
  }

  @Test
  void emptyOnTimePaneThatFinishesTheTriggerIsEmittedUnderFireAlways() {
    Trigger trigger = AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1));
    GroupingHarness<Integer> h = GroupingHarness.summing(
        WindowingStrategy.of(FixedWindows.of(Duration.ofMillis(10)))
            .withTrigger(trigger).withMode(AccumulationMode.ACCUMULATING_FIRED_PANES), 10)
        .watermark(0);
    h.add(v(1, 1));
    h.watermark(11);

    assertThat(h.take()).containsExactly(
        sum(1, 9, pane(true, false, Timing.EARLY, 0, -1)),
        sum(1, 9, pane(false, true, Timing.ON_TIME, 1, 0)));
  }

  @Test
  void emptyOnTimePaneThatFinishesTheTriggerIsSkippedWhenBothBehavioursAreFireIfNonEmpty() {
    Trigger trigger = AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1));
    GroupingHarness<Integer> h = GroupingHarness.summing(
        WindowingStrategy.of(FixedWindows.of(Duration.ofMillis(10)))
            .withTrigger(trigger).withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
            .withOnTimeBehavior(OnTimeBehavior.FIRE_IF_NON_EMPTY), 10)
        .watermark(0);
    h.add(v(1, 1));
    h.watermark(11);

    assertThat(h.take()).containsExactly(sum(1, 9, pane(true, false, Timing.EARLY, 0, -1)));
    assertThat(h.grouping.isEmpty()).isTrue();
  }
}
