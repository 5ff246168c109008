package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.runners.ScriptedStream;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.BoundedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestStreamTest {
  private static final Instant T10 = Instant.ofEpochSecond(10);

  @Test
  void scriptKeepsTheEventsInTheOrderWritten() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(TimestampedValue.of("a", T10))
        .advanceWatermarkTo(Instant.ofEpochSecond(20))
        .advanceProcessingTime(Duration.ofMinutes(1))
        .addElements("b")
        .advanceWatermarkToInfinity();

    List<ScriptedStream.Event<String>> events = stream.getEvents();
    assertThat(events).containsExactly(
        new ScriptedStream.ElementEvent<>(List.of(TimestampedValue.of("a", T10))),
        new ScriptedStream.WatermarkEvent<>(Instant.ofEpochSecond(20)),
        new ScriptedStream.ProcessingTimeEvent<>(Duration.ofMinutes(1)),
        new ScriptedStream.ElementEvent<>(List.of(TimestampedValue.of("b", Instant.ofEpochSecond(20)))),
        new ScriptedStream.WatermarkEvent<>(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  void elementsWithoutTimestampsGetTheCurrentWatermark() {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of()).addElements("x").advanceWatermarkToInfinity();
    ScriptedStream.ElementEvent<String> first = (ScriptedStream.ElementEvent<String>) stream.getEvents().get(0);
    assertThat(first.elements().get(0).getTimestamp()).isEqualTo(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  @Test
  void watermarkAtOrPastTheEndOfTimeIsRejectedNamingTheFix() {
    assertThatThrownBy(() -> TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(BoundedWindow.TIMESTAMP_MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at or past the end of time")
        .hasMessageContaining("advanceWatermarkToInfinity()");
    assertThatThrownBy(() -> TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(BoundedWindow.TIMESTAMP_MAX_VALUE.plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(BoundedWindow.TIMESTAMP_MAX_VALUE.minusMillis(1));
  }

  @Test
  void watermarkMustMoveForward() {
    TestStream.Builder<String> builder = TestStream.create(StringUtf8Coder.of()).advanceWatermarkTo(T10);
    assertThatThrownBy(() -> builder.advanceWatermarkTo(T10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must advance");
  }

  @Test
  void processingTimeMustMoveForward() {
    assertThatThrownBy(() -> TestStream.create(StringUtf8Coder.of()).advanceProcessingTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void elementTimestampsMustBeWithinEventTime() {
    assertThatThrownBy(() -> TestStream.create(StringUtf8Coder.of())
            .addElements(TimestampedValue.of("late", BoundedWindow.TIMESTAMP_MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("late");
  }
}
