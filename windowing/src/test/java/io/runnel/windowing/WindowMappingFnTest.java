package io.runnel.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The default side-input window mappings of the built-in window functions. */
class WindowMappingFnTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static IntervalWindow minuteAt(long minute) {
    Instant start = Instant.EPOCH.plus(MINUTE.multipliedBy(minute));
    return new IntervalWindow(start, start.plus(MINUTE));
  }

  private static IntervalWindow minutes(long fromMinute, long toMinute) {
    return new IntervalWindow(Instant.EPOCH.plus(MINUTE.multipliedBy(fromMinute)),
        Instant.EPOCH.plus(MINUTE.multipliedBy(toMinute)));
  }

  @Test
  void fixedWindowsMapToTheWindowHoldingTheMainWindowsEnd() {
    WindowMappingFn<IntervalWindow> mapping =
        FixedWindows.of(Duration.ofMinutes(10)).getDefaultWindowMappingFn();

    assertThat(mapping.getSideInputWindow(minuteAt(9))).isEqualTo(minutes(0, 10));
    assertThat(mapping.getSideInputWindow(minuteAt(10))).isEqualTo(minutes(10, 20));
    // A main window longer than the side windows reads the one holding its end.
    assertThat(mapping.getSideInputWindow(minutes(0, 25))).isEqualTo(minutes(20, 30));
    assertThat(mapping.maximumLookback()).isEqualTo(Duration.ZERO);
  }

  @Test
  void slidingWindowsMapToTheLatestStartingWindowHoldingTheMainWindowsEnd() {
    WindowMappingFn<IntervalWindow> mapping = SlidingWindows.of(Duration.ofMinutes(10))
        .every(Duration.ofMinutes(5)).getDefaultWindowMappingFn();

    assertThat(mapping.getSideInputWindow(minuteAt(12))).isEqualTo(minutes(10, 20));
    assertThat(mapping.getSideInputWindow(minuteAt(14))).isEqualTo(minutes(10, 20));
    assertThat(mapping.getSideInputWindow(minuteAt(15))).isEqualTo(minutes(15, 25));
  }

  @Test
  void calendarWindowsMapToTheDayHoldingTheMainWindowsEnd() {
    WindowMappingFn<IntervalWindow> mapping =
        CalendarWindows.days(1).withTimeZone(ZoneOffset.UTC).getDefaultWindowMappingFn();
    Instant dayTwo = Instant.parse("1970-01-02T00:00:00Z");

    assertThat(mapping.getSideInputWindow(minutes(60 * 24 - 1, 60 * 24 + 5)))
        .isEqualTo(new IntervalWindow(dayTwo, dayTwo.plus(Duration.ofDays(1))));
  }

  @Test
  void theGlobalWindowIsReadFromAnyWindow() {
    WindowMappingFn<GlobalWindow> mapping = new GlobalWindows().getDefaultWindowMappingFn();

    assertThat(mapping.getSideInputWindow(minuteAt(3))).isEqualTo(GlobalWindow.INSTANCE);
    assertThat(mapping.getSideInputWindow(GlobalWindow.INSTANCE)).isEqualTo(GlobalWindow.INSTANCE);
  }

  @Test
  void sessionsAndTheGlobalMainWindowHaveNoMapping() {
    assertThatThrownBy(() -> Sessions.withGapDuration(MINUTE).getDefaultWindowMappingFn())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Sessions cannot window a side input");
    assertThatThrownBy(() -> FixedWindows.of(MINUTE).getDefaultWindowMappingFn()
            .getSideInputWindow(GlobalWindow.INSTANCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("global window");
  }

  @Test
  void mappingsSurviveJavaSerialization() throws Exception {
    WindowMappingFn<IntervalWindow> mapping = SlidingWindows.of(Duration.ofMinutes(10))
        .every(Duration.ofMinutes(5)).getDefaultWindowMappingFn();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(mapping);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    @SuppressWarnings("unchecked")
    WindowMappingFn<IntervalWindow> restored = (WindowMappingFn<IntervalWindow>) copy;
    assertThat(restored.getSideInputWindow(minuteAt(12))).isEqualTo(minutes(10, 20));
  }
}
