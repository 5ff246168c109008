package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.runnel.sdk.portable.StandardUrns.WindowFns;
import io.runnel.sdk.portable.proto.CalendarWindowsPayload;
import io.runnel.sdk.portable.proto.FixedWindowsPayload;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.SessionsPayload;
import io.runnel.sdk.portable.proto.SlidingWindowsPayload;
import io.runnel.windowing.CalendarWindows;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.NonMergingWindowFn;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.WindowFn;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WindowFnTranslationTest {
  static Stream<WindowFn<?, ?>> standardWindowFns() {
    return Stream.of(
        new GlobalWindows(),
        FixedWindows.of(Duration.ofMinutes(1)),
        FixedWindows.of(Duration.ofMinutes(1)).withOffset(Duration.ofSeconds(10)),
        SlidingWindows.of(Duration.ofMinutes(10)).every(Duration.ofMinutes(1)),
        SlidingWindows.of(Duration.ofMinutes(10)).every(Duration.ofMinutes(1)).withOffset(Duration.ofSeconds(5)),
        Sessions.withGapDuration(Duration.ofSeconds(30)),
        CalendarWindows.days(3),
        CalendarWindows.weeks(2, DayOfWeek.TUESDAY),
        CalendarWindows.months(6).withStartingMonth(2020, 4).withTimeZone(ZoneId.of("Europe/Paris")),
        CalendarWindows.years(1).withStartingYear(2000).withTimeZone(ZoneId.of("America/New_York")));
  }

  @ParameterizedTest
  @MethodSource("standardWindowFns")
  void javaToProtoToJavaGivesAnEqualWindowFn(WindowFn<?, ?> windowFn) {
    assertThat(WindowFnTranslation.fromProto(WindowFnTranslation.toProto(windowFn))).isEqualTo(windowFn);
  }

  @ParameterizedTest
  @MethodSource("standardWindowFns")
  void protoToJavaToProtoGivesAnEqualSpecUnderAStandardUrn(WindowFn<?, ?> windowFn) {
    FunctionSpec spec = WindowFnTranslation.toProto(windowFn);

    assertThat(WindowFnTranslation.toProto(WindowFnTranslation.fromProto(spec))).isEqualTo(spec);
    assertThat(spec.getUrn()).isNotEqualTo(WindowFns.JAVA_SERIALIZED);
  }

  @Test
  void slidingWindowsPayloadCarriesSizePeriodAndOffset() throws Exception {
    FunctionSpec spec = WindowFnTranslation.toProto(
        SlidingWindows.of(Duration.ofMillis(100)).every(Duration.ofMillis(30)).withOffset(Duration.ofMillis(7)));

    assertThat(spec.getUrn()).isEqualTo(WindowFns.SLIDING);
    assertThat(SlidingWindowsPayload.parseFrom(spec.getPayload())).isEqualTo(SlidingWindowsPayload
        .newBuilder().setSizeMillis(100).setPeriodMillis(30).setOffsetMillis(7).build());
  }

  @Test
  void calendarPayloadCarriesUnitNumberStartAndZone() throws Exception {
    FunctionSpec spec = WindowFnTranslation.toProto(
        CalendarWindows.months(3).withStartingMonth(1970, 2).withTimeZone(ZoneId.of("Asia/Tokyo")));

    assertThat(spec.getUrn()).isEqualTo(WindowFns.CALENDAR);
    assertThat(CalendarWindowsPayload.parseFrom(spec.getPayload())).isEqualTo(CalendarWindowsPayload
        .newBuilder().setUnit(CalendarWindowsPayload.Unit.MONTHS).setNumber(3).setStartEpochDay(31)
        .setTimeZoneId("Asia/Tokyo").build());
  }

  @Test
  void customWindowFnStaysJavaSerialized() {
    WindowFn<?, ?> custom = new EverythingInOneWindow();

    FunctionSpec spec = WindowFnTranslation.toProto(custom);

    assertThat(spec.getUrn()).isEqualTo(WindowFns.JAVA_SERIALIZED);
    assertThat(WindowFnTranslation.fromProto(spec)).isInstanceOf(EverythingInOneWindow.class);
  }

  @Test
  void fixedWindowsOffsetOutOfRangeNamesTheField() {
    FunctionSpec spec = spec(WindowFns.FIXED,
        FixedWindowsPayload.newBuilder().setSizeMillis(10).setOffsetMillis(10).build().toByteString());

    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window_fn.payload.offset_millis must be in [0, size_millis): 10");
  }

  @Test
  void missingSlidingPeriodNamesTheField() {
    FunctionSpec spec = spec(WindowFns.SLIDING,
        SlidingWindowsPayload.newBuilder().setSizeMillis(10).build().toByteString());

    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec))
        .hasMessageContaining("window_fn.payload.period_millis must be positive: 0");
  }

  @Test
  void zeroSessionGapNamesTheField() {
    FunctionSpec spec = spec(WindowFns.SESSIONS, SessionsPayload.getDefaultInstance().toByteString());

    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec))
        .hasMessageContaining("window_fn.payload.gap_millis must be positive: 0");
  }

  @Test
  void calendarErrorsNameTheField() {
    CalendarWindowsPayload good = CalendarWindowsPayload.newBuilder()
        .setUnit(CalendarWindowsPayload.Unit.DAYS).setNumber(1).setTimeZoneId("UTC").build();

    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec(WindowFns.CALENDAR,
        good.toBuilder().setTimeZoneId("Mars/Olympus").build().toByteString())))
        .hasMessageContaining("window_fn.payload.time_zone_id is not a zone id: 'Mars/Olympus'");
    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec(WindowFns.CALENDAR,
        good.toBuilder().setUnit(CalendarWindowsPayload.Unit.UNIT_UNSPECIFIED).build().toByteString())))
        .hasMessageContaining("window_fn.payload.unit is unknown: UNIT_UNSPECIFIED");
    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec(WindowFns.CALENDAR,
        good.toBuilder().setNumber(0).build().toByteString())))
        .hasMessageContaining("window_fn.payload.number must be positive: 0");
  }

  @Test
  void unreadablePayloadNamesTheUrn() {
    FunctionSpec spec = spec(WindowFns.FIXED, ByteString.copyFrom(new byte[] {(byte) 0xff}));

    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec))
        .hasMessageContaining("window_fn.payload of URN '" + WindowFns.FIXED + "'");
  }

  @Test
  void unknownUrnIsNamed() {
    assertThatThrownBy(() -> WindowFnTranslation.fromProto(spec("example:window_fn:odd:v1", ByteString.EMPTY)))
        .hasMessageContaining("'example:window_fn:odd:v1'");
  }

  private static FunctionSpec spec(String urn, ByteString payload) {
    return FunctionSpec.newBuilder().setUrn(urn).setPayload(payload).build();
  }

  /** A window function the SDK does not know. */
  static final class EverythingInOneWindow extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of(new IntervalWindow(java.time.Instant.EPOCH, java.time.Instant.ofEpochSecond(1)));
    }

    @Override
    public io.runnel.sdk.coders.Coder<IntervalWindow> windowCoder() {
      return null;
    }
  }
}
