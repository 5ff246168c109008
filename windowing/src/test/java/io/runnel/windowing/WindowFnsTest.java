package io.runnel.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowFnsTest {
  private static Instant at(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  private static IntervalWindow window(long start, long end) {
    return new IntervalWindow(at(start), at(end));
  }

  @Test
  void fixedWindowsAssignWindowGivesTheWindowHoldingTheTimestampAsBeamsDoes() {
    FixedWindows minutes = FixedWindows.of(Duration.ofMinutes(1)).withOffset(Duration.ofSeconds(10));
    assertThat(minutes.assignWindow(Instant.ofEpochSecond(75)))
        .isEqualTo(new IntervalWindow(Instant.ofEpochSecond(70), Instant.ofEpochSecond(130)));
    assertThat(minutes.assignWindow(Instant.ofEpochSecond(5)))
        .isEqualTo(new IntervalWindow(Instant.ofEpochSecond(-50), Instant.ofEpochSecond(10)));
  }

  @Test
  void fixedWindowsContainTheirTimestampIncludingBeforeTheEpoch() {
    FixedWindows tenMs = FixedWindows.of(Duration.ofMillis(10));
    assertThat(tenMs.windowFor(at(0))).isEqualTo(window(0, 10));
    assertThat(tenMs.windowFor(at(9))).isEqualTo(window(0, 10));
    assertThat(tenMs.windowFor(at(10))).isEqualTo(window(10, 20));
    assertThat(tenMs.windowFor(at(-1))).isEqualTo(window(-10, 0));
  }

  @Test
  void fixedWindowsWithOffsetShiftTheBoundaries() {
    FixedWindows shifted = FixedWindows.of(Duration.ofMillis(10)).withOffset(Duration.ofMillis(3));
    assertThat(shifted.windowFor(at(2))).isEqualTo(window(-7, 3));
    assertThat(shifted.windowFor(at(3))).isEqualTo(window(3, 13));
  }

  @Test
  void fixedWindowsRejectAnOffsetOutsideTheSize() {
    assertThatThrownBy(() -> FixedWindows.of(Duration.ofMillis(10)).withOffset(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
  }

  @Test
  void slidingWindowsAssignEveryWindowContainingTheTimestampLatestFirst() {
    SlidingWindows windows = SlidingWindows.of(Duration.ofMillis(10)).every(Duration.ofMillis(5));
    assertThat(windows.windowsFor(at(7))).containsExactly(window(5, 15), window(0, 10));
    assertThat(windows.windowsFor(at(-3))).containsExactly(window(-5, 5), window(-10, 0));
  }

  @Test
  void hourlySlidingWindowsEveryMinuteAssignSixtyWindows() {
    SlidingWindows windows = SlidingWindows.of(Duration.ofHours(1)).every(Duration.ofMinutes(1));
    List<IntervalWindow> assigned = windows.windowsFor(at(90_000));
    assertThat(assigned).hasSize(60).allMatch(w -> w.contains(at(90_000)));
  }

  @Test
  void sessionsMergeOverlappingWindowsButNotAdjacentOnes() throws Exception {
    Sessions sessions = Sessions.withGapDuration(Duration.ofMillis(10));
    Map<IntervalWindow, List<IntervalWindow>> merges = merge(sessions,
        List.of(window(0, 10), window(5, 15), window(30, 40), window(40, 50), window(12, 22)));
    assertThat(merges).containsOnly(
        Map.entry(window(0, 22), List.of(window(0, 10), window(5, 15), window(12, 22))));
  }

  @Test
  void calendarDaysFollowTheTimeZoneAcrossDaylightSaving() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    CalendarWindows.Calendar days = CalendarWindows.days(1).withTimeZone(paris);
    // 2024-03-31 is 23 hours long in Paris: clocks go from 02:00 to 03:00.
    IntervalWindow window = days.windowFor(Instant.parse("2024-03-31T12:00:00Z"));
    assertThat(window.start()).isEqualTo(Instant.parse("2024-03-30T23:00:00Z"));
    assertThat(window.end()).isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
  }

  @Test
  void calendarMonthsAndYearsStartOnTheFirst() {
    assertThat(CalendarWindows.months(1).windowFor(Instant.parse("2024-02-29T23:59:59Z")))
        .isEqualTo(new IntervalWindow(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")));
    assertThat(CalendarWindows.years(1).windowFor(Instant.parse("1969-06-01T00:00:00Z")))
        .isEqualTo(new IntervalWindow(Instant.parse("1969-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00Z")));
  }

  @Test
  void calendarWeeksStartOnTheGivenDay() {
    IntervalWindow week = CalendarWindows.weeks(1, 1).windowFor(Instant.parse("2024-05-15T10:00:00Z"));
    assertThat(week).isEqualTo(new IntervalWindow(
        Instant.parse("2024-05-13T00:00:00Z"), Instant.parse("2024-05-20T00:00:00Z")));
  }

  @Test
  void windowFnsAreValuesEqualWhenBuiltAlike() {
    assertThat(FixedWindows.of(Duration.ofMinutes(2))).isEqualTo(FixedWindows.of(Duration.ofMinutes(2)));
    assertThat(SlidingWindows.of(Duration.ofHours(1)).every(Duration.ofMinutes(1)))
        .isEqualTo(SlidingWindows.of(Duration.ofHours(1)).every(Duration.ofMinutes(1)))
        .hasToString("SlidingWindows.of(PT1H).every(PT1M)");
    assertThat(Sessions.withGapDuration(Duration.ofMinutes(5)))
        .isNotEqualTo(Sessions.withGapDuration(Duration.ofMinutes(6)));
  }

  private static Map<IntervalWindow, List<IntervalWindow>> merge(
      WindowFn<Object, IntervalWindow> fn, List<IntervalWindow> windows) throws Exception {
    Map<IntervalWindow, List<IntervalWindow>> merges = new LinkedHashMap<>();
    fn.mergeWindows(fn.new MergeContext() {
      @Override
      public Collection<IntervalWindow> windows() {
        return windows;
      }

      @Override
      public void merge(Collection<IntervalWindow> toBeMerged, IntervalWindow mergeResult) {
        merges.put(mergeResult, new ArrayList<>(toBeMerged));
      }
    });
    return merges;
  }
}
