package io.runnel.runners.core;

import static io.runnel.runners.core.GroupingHarness.pane;
import static io.runnel.runners.core.GroupingHarness.v;
import static io.runnel.runners.core.GroupingHarness.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runners.core.GroupingHarness.Out;
import io.runnel.windowing.AfterFirst;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.Trigger;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import io.runnel.windowing.WindowingStrategy.ClosingBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowingStrategy.ClosingBehavior}: whether a window emits a final pane without new
 * elements, and the garbage-collection hold that keeps such a pane from being droppably late. The
 * scenarios are those of Beam's {@code ReduceFnRunnerTest}.
 */
class WindowedGroupingClosingBehaviorTest {
  private static final WindowingStrategy<Object, ?> FIXED =
      WindowingStrategy.of(FixedWindows.of(Duration.ofMillis(10)));

  /** Fires on every second element and when the watermark passes the end of the window. */
  private static Trigger everyTwoOrWatermark() {
    return Repeatedly.forever(AfterFirst.of(AfterPane.elementCountAtLeast(2),
        AfterWatermark.pastEndOfWindow()));
  }

  private static GroupingHarness<Iterable<Integer>> grouping(Trigger trigger, AccumulationMode mode,
      ClosingBehavior closing) {
    return GroupingHarness.fixed(FIXED.withTrigger(trigger).withMode(mode)
        .withAllowedLateness(Duration.ofMillis(100))
        .withTimestampCombiner(TimestampCombiner.EARLIEST)
        .withClosingBehavior(closing), 10).watermark(0);
  }

  private static Out out(List<Integer> values, long timestamp, PaneInfo pane) {
    return new Out("k", values, timestamp, window(0, 10), pane);
  }

  @Test
  void fireAlwaysEmitsEmptyOnTimeAndFinalPanesWhenDiscarding() {
    GroupingHarness<Iterable<Integer>> h = grouping(everyTwoOrWatermark(),
        AccumulationMode.DISCARDING_FIRED_PANES, ClosingBehavior.FIRE_ALWAYS);
    h.add(v(1, 1), v(2, 2));
    assertThat(h.take()).containsExactly(out(List.of(1, 2), 1, pane(true, false, Timing.EARLY, 0, -1)));

    h.watermark(50);
    assertThat(h.take()).containsExactly(out(List.of(), 9, pane(false, false, Timing.ON_TIME, 1, 0)));

    h.watermark(150);
    assertThat(h.take()).containsExactly(out(List.of(), 9, pane(false, true, Timing.LATE, 2, 1)));
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void fireAlwaysRepeatsTheAccumulatedValuesInTheFinalPane() {
    GroupingHarness<Iterable<Integer>> h = grouping(everyTwoOrWatermark(),
        AccumulationMode.ACCUMULATING_FIRED_PANES, ClosingBehavior.FIRE_ALWAYS);
    h.add(v(1, 1), v(2, 2));
    h.watermark(50);
    h.watermark(150);

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), 1, pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(1, 2), 9, pane(false, false, Timing.ON_TIME, 1, 0)),
        out(List.of(1, 2), 9, pane(false, true, Timing.LATE, 2, 1)));
  }

  @Test
  void fireIfNonEmptySkipsTheEmptyFinalPane() {
    GroupingHarness<Iterable<Integer>> h = grouping(everyTwoOrWatermark(),
        AccumulationMode.ACCUMULATING_FIRED_PANES, ClosingBehavior.FIRE_IF_NON_EMPTY);
    h.add(v(1, 1), v(2, 2));
    h.watermark(20);
    h.watermark(250);

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), 1, pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(1, 2), 9, pane(false, false, Timing.ON_TIME, 1, 0)));
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void finalPaneIsOnTimeWhenTheWatermarkPassesEndAndExpiryAtOnce() {
    Trigger trigger = Repeatedly.forever(AfterPane.elementCountAtLeast(2))
        .orFinally(AfterWatermark.pastEndOfWindow());
    GroupingHarness<Iterable<Integer>> h = grouping(trigger,
        AccumulationMode.DISCARDING_FIRED_PANES, ClosingBehavior.FIRE_ALWAYS);
    h.add(v(1, 1), v(2, 2));
    h.watermark(150);

    assertThat(h.take()).containsExactly(
        out(List.of(1, 2), 1, pane(true, false, Timing.EARLY, 0, -1)),
        out(List.of(), 9, pane(false, true, Timing.ON_TIME, 1, 0)));
  }

  @Test
  void defaultTriggerWithFireAlwaysEmitsAnEmptyLateFinalPaneAtExpiry() {
    GroupingHarness<Iterable<Integer>> h = grouping(DefaultTrigger.of(),
        AccumulationMode.DISCARDING_FIRED_PANES, ClosingBehavior.FIRE_ALWAYS);
    h.add(v(1, 1));
    h.watermark(10);
    assertThat(h.take()).containsExactly(out(List.of(1), 1, pane(true, false, Timing.ON_TIME, 0, 0)));

    h.watermark(110);

    assertThat(h.take()).containsExactly(out(List.of(), 9, pane(false, true, Timing.LATE, 1, 1)));
  }

  @Test
  void defaultTriggerWithFireIfNonEmptyEmitsNothingAtExpiry() {
    GroupingHarness<Iterable<Integer>> h = grouping(DefaultTrigger.of(),
        AccumulationMode.DISCARDING_FIRED_PANES, ClosingBehavior.FIRE_IF_NON_EMPTY);
    h.add(v(1, 1));
    h.watermark(10);
    h.take();

    h.watermark(110);

    assertThat(h.take()).isEmpty();
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void eventTimeEndAndExpiryTogetherGiveOneOnTimeFinalPaneWhateverTheClosingBehavior() {
    for (ClosingBehavior closing : ClosingBehavior.values()) {
      GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED
          .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
          .withAllowedLateness(Duration.ofMillis(50)).withClosingBehavior(closing), 10).watermark(0);
      h.add(v(1, 1));
      h.watermark(100);

      assertThat(h.take()).as(closing.toString())
          .containsExactly(out(List.of(1), 9, pane(true, true, Timing.ON_TIME, 0, 0)));
    }
  }

  @Test
  void afterANonFinalPaneOnlyFireAlwaysHoldsAtGarbageCollectionTime() {
    for (ClosingBehavior closing : ClosingBehavior.values()) {
      Duration lateness = Duration.ofDays(1);
      GroupingHarness<Iterable<Integer>> h = GroupingHarness.fixed(FIXED
          .withTrigger(Repeatedly.forever(
              AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofSeconds(5))))
          .withAllowedLateness(lateness).withClosingBehavior(closing), 10)
          .watermark(0).processingTime(0);
      Instant endOfWindow = Instant.ofEpochMilli(9);
      Instant expiry = endOfWindow.plus(lateness);

      h.add(v(1, 1));
      assertThat(h.grouping.dataHold()).as(closing.toString()).isEqualTo(endOfWindow);

      h.processingTime(6000);
      assertThat(h.take()).hasSize(1);
      assertThat(h.grouping.dataHold()).as(closing.toString())
          .isEqualTo(closing == ClosingBehavior.FIRE_ALWAYS ? expiry : null);

      h.watermark(endOfWindow.plus(Duration.ofHours(1)).toEpochMilli());
      h.add(v(3, 3));
      assertThat(h.grouping.dataHold()).as(closing.toString()).isEqualTo(expiry);
    }
  }
}
