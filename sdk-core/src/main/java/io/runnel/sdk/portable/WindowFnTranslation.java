package io.runnel.sdk.portable;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.runnel.sdk.portable.StandardUrns.WindowFns;
import io.runnel.sdk.portable.proto.CalendarWindowsPayload;
import io.runnel.sdk.portable.proto.FixedWindowsPayload;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.SessionsPayload;
import io.runnel.sdk.portable.proto.SlidingWindowsPayload;
import io.runnel.windowing.CalendarWindows;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.WindowFn;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Translates window functions to and from {@code WindowingStrategy.window_fn}: {@link
 * GlobalWindows}, {@link FixedWindows}, {@link SlidingWindows}, {@link Sessions} and {@link
 * CalendarWindows} under their standard URNs with structured payloads; a custom window function
 * Java-serialized. Errors for malformed payloads name the payload field. Stateless.
 */
final class WindowFnTranslation {
  private WindowFnTranslation() {}

  static FunctionSpec toProto(WindowFn<?, ?> windowFn) {
    if (windowFn instanceof GlobalWindows) {
      return FunctionSpec.newBuilder().setUrn(WindowFns.GLOBAL).build();
    }
    if (windowFn instanceof FixedWindows fixed) {
      return spec(WindowFns.FIXED, FixedWindowsPayload.newBuilder()
          .setSizeMillis(Millis.of(fixed.getSize(), "FixedWindows size"))
          .setOffsetMillis(Millis.of(fixed.getOffset(), "FixedWindows offset")).build());
    }
    if (windowFn instanceof SlidingWindows sliding) {
      return spec(WindowFns.SLIDING, SlidingWindowsPayload.newBuilder()
          .setSizeMillis(Millis.of(sliding.getSize(), "SlidingWindows size"))
          .setPeriodMillis(Millis.of(sliding.getPeriod(), "SlidingWindows period"))
          .setOffsetMillis(Millis.of(sliding.getOffset(), "SlidingWindows offset")).build());
    }
    if (windowFn instanceof Sessions sessions) {
      return spec(WindowFns.SESSIONS, SessionsPayload.newBuilder()
          .setGapMillis(Millis.of(sessions.getGapDuration(), "Sessions gap")).build());
    }
    if (windowFn instanceof CalendarWindows.Calendar calendar) {
      return spec(WindowFns.CALENDAR, CalendarWindowsPayload.newBuilder()
          .setUnit(unitToProto(calendar.getUnit()))
          .setNumber(calendar.getNumber())
          .setStartEpochDay(calendar.getStartDate().toEpochDay())
          .setTimeZoneId(calendar.getTimeZone().getId()).build());
    }
    return Specs.serialized(WindowFns.JAVA_SERIALIZED, windowFn, "window function " + windowFn);
  }

  /**
   * The window function {@code spec} describes.
   *
   * @throws IllegalArgumentException for an unknown URN, or a payload that is unreadable or has a
   *     field out of range (named as {@code window_fn.payload.<field>})
   */
  static WindowFn<?, ?> fromProto(FunctionSpec spec) {
    return switch (spec.getUrn()) {
      case WindowFns.GLOBAL -> new GlobalWindows();
      case WindowFns.FIXED -> fixed(parse(spec, FixedWindowsPayload.parser()));
      case WindowFns.SLIDING -> sliding(parse(spec, SlidingWindowsPayload.parser()));
      case WindowFns.SESSIONS -> Sessions.withGapDuration(
          positive(parse(spec, SessionsPayload.parser()).getGapMillis(), "gap_millis"));
      case WindowFns.CALENDAR -> calendar(parse(spec, CalendarWindowsPayload.parser()));
      case WindowFns.JAVA_SERIALIZED ->
          Specs.deserialize(spec, WindowFns.JAVA_SERIALIZED, WindowFn.class, "window function");
      default -> throw new IllegalArgumentException("the Java SDK has no window function for URN '"
          + spec.getUrn() + "'");
    };
  }

  private static WindowFn<?, ?> fixed(FixedWindowsPayload payload) {
    Duration size = positive(payload.getSizeMillis(), "size_millis");
    Duration offset = withinPeriod(payload.getOffsetMillis(), size, "offset_millis", "size_millis");
    return FixedWindows.of(size).withOffset(offset);
  }

  private static WindowFn<?, ?> sliding(SlidingWindowsPayload payload) {
    Duration size = positive(payload.getSizeMillis(), "size_millis");
    Duration period = positive(payload.getPeriodMillis(), "period_millis");
    Duration offset = withinPeriod(payload.getOffsetMillis(), period, "offset_millis", "period_millis");
    return SlidingWindows.of(size).every(period).withOffset(offset);
  }

  private static WindowFn<?, ?> calendar(CalendarWindowsPayload payload) {
    int number = payload.getNumber();
    if (number < 1) {
      throw new IllegalArgumentException(field("number") + " must be positive: " + number);
    }
    LocalDate start;
    ZoneId zone;
    try {
      start = LocalDate.ofEpochDay(payload.getStartEpochDay());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(field("start_epoch_day") + " is out of range: "
          + payload.getStartEpochDay(), e);
    }
    try {
      zone = ZoneId.of(payload.getTimeZoneId());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(field("time_zone_id") + " is not a zone id: '"
          + payload.getTimeZoneId() + "'", e);
    }
    CalendarWindows.Calendar unit = switch (payload.getUnit()) {
      case DAYS -> CalendarWindows.days(number);
      case WEEKS -> CalendarWindows.weeks(number, start.getDayOfWeek());
      case MONTHS -> CalendarWindows.months(number);
      case YEARS -> CalendarWindows.years(number);
      default -> throw new IllegalArgumentException(field("unit") + " is unknown: "
          + payload.getUnit());
    };
    return unit.withStartingDay(start.getYear(), start.getMonthValue(), start.getDayOfMonth())
        .withTimeZone(zone);
  }

  private static CalendarWindowsPayload.Unit unitToProto(ChronoUnit unit) {
    return switch (unit) {
      case DAYS -> CalendarWindowsPayload.Unit.DAYS;
      case WEEKS -> CalendarWindowsPayload.Unit.WEEKS;
      case MONTHS -> CalendarWindowsPayload.Unit.MONTHS;
      case YEARS -> CalendarWindowsPayload.Unit.YEARS;
      default -> throw new IllegalArgumentException("CalendarWindows in " + unit
          + " have no portable form");
    };
  }

  private static Duration positive(long millis, String name) {
    if (millis <= 0) {
      throw new IllegalArgumentException(field(name) + " must be positive: " + millis);
    }
    return Duration.ofMillis(millis);
  }

  private static Duration withinPeriod(long millis, Duration period, String name, String periodName) {
    if (millis < 0 || millis >= period.toMillis()) {
      throw new IllegalArgumentException(field(name) + " must be in [0, " + periodName + "): "
          + millis + " with " + periodName + " " + period.toMillis());
    }
    return Duration.ofMillis(millis);
  }

  private static String field(String name) {
    return "window_fn.payload." + name;
  }

  private static FunctionSpec spec(String urn, Message payload) {
    return FunctionSpec.newBuilder().setUrn(urn).setPayload(payload.toByteString()).build();
  }

  private static <T> T parse(FunctionSpec spec, Parser<T> parser) {
    try {
      return parser.parseFrom(spec.getPayload());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("window_fn.payload of URN '" + spec.getUrn()
          + "' is not a valid payload for it", e);
    }
  }
}
