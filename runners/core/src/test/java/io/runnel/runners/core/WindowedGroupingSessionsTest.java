package io.runnel.runners.core;

import static io.runnel.runners.core.GroupingHarness.pane;
import static io.runnel.runners.core.GroupingHarness.v;
import static io.runnel.runners.core.GroupingHarness.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runners.core.GroupingHarness.Out;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedGroupingSessionsTest {
  private static final WindowingStrategy<Object, ?> SESSIONS =
      WindowingStrategy.of(Sessions.withGapDuration(Duration.ofMillis(10)));

  @Test
  void anElementBridgingTwoSessionsMergesThemIntoOne() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.sessions(SESSIONS, 10).watermark(0);
    h.add(v(1, 0), v(2, 15));
    h.add(v(3, 8));

    h.watermark(25);

    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1, 2, 3), 24, window(0, 25), PaneInfo.ON_TIME_AND_ONLY_FIRING));
    assertThat(h.grouping.isEmpty()).isTrue();
  }

  @Test
  void lateElementMergesTwoFiredSessionsIntoAFreshLateWindow() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.sessions(SESSIONS
        .withMode(AccumulationMode.ACCUMULATING_FIRED_PANES)
        .withAllowedLateness(Duration.ofMillis(100)), 10).watermark(0);
    h.add(v(1, 0), v(2, 15));
    h.watermark(30);
    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1), 9, window(0, 10), pane(true, false, Timing.ON_TIME, 0, 0)),
        new Out("k", List.of(2), 24, window(15, 25), pane(true, false, Timing.ON_TIME, 0, 0)));

    h.add(v(3, 8));

    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1, 2, 3), 24, window(0, 25), pane(true, false, Timing.LATE, 0, 0)));
  }

  @Test
  void mergedSessionsSumTheirElementCounts() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.sessions(SESSIONS
        .withTrigger(Repeatedly.forever(AfterPane.elementCountAtLeast(3))), 10).watermark(0);
    h.add(v(1, 0), v(2, 15));
    assertThat(h.take()).isEmpty();

    h.add(v(3, 8));

    assertThat(h.take()).containsExactly(
        new Out("k", List.of(1, 2, 3), 24, window(0, 25), pane(true, false, Timing.EARLY, 0, -1)));
  }

  @Test
  void mergedSessionHoldsTheWatermarkAtItsNewEnd() {
    GroupingHarness<Iterable<Integer>> h = GroupingHarness.sessions(SESSIONS, 10).watermark(0);
    h.add(v(1, 0));
    assertThat(h.grouping.watermarkHold()).hasToString("1970-01-01T00:00:00.009Z");

    h.add(v(2, 5));

    assertThat(h.grouping.watermarkHold()).hasToString("1970-01-01T00:00:00.014Z");
  }
}
