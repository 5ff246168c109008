package io.runnel.windowing;

import io.runnel.sdk.coders.Coder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Windows aligned to the calendar of a time zone, for daily, weekly, monthly or yearly reports:
 * {@code CalendarWindows.days(1).withTimeZone(ZoneId.of("Europe/Paris"))}. A window spans
 * {@code number} units starting at midnight (local time) of the start date; days across a
 * daylight-saving change are 23 or 25 hours long. Windows are counted from a starting date
 * (default 1970-01-01). Immutable value.
 */
public final class CalendarWindows {
  private CalendarWindows() {}

  /** Windows of {@code number} days. */
  public static Calendar days(int number) {
    return new Calendar(number, ChronoUnit.DAYS, LocalDate.of(1970, 1, 1), ZoneOffset.UTC);
  }

  /** Windows of {@code number} weeks starting on {@code startDayOfWeek}. */
  public static Calendar weeks(int number, DayOfWeek startDayOfWeek) {
    LocalDate start = LocalDate.of(1970, 1, 1).with(TemporalAdjusters.nextOrSame(startDayOfWeek));
    return new Calendar(number, ChronoUnit.WEEKS, start, ZoneOffset.UTC);
  }

  /** Windows of {@code number} weeks; {@code startDayOfWeek} is ISO: 1 = Monday ... 7 = Sunday. */
  public static Calendar weeks(int number, int startDayOfWeek) {
    return weeks(number, DayOfWeek.of(startDayOfWeek));
  }

  /** Windows of {@code number} months starting on the first of a month. */
  public static Calendar months(int number) {
    return new Calendar(number, ChronoUnit.MONTHS, LocalDate.of(1970, 1, 1), ZoneOffset.UTC);
  }

  /** Windows of {@code number} years starting on January 1st. */
  public static Calendar years(int number) {
    return new Calendar(number, ChronoUnit.YEARS, LocalDate.of(1970, 1, 1), ZoneOffset.UTC);
  }

  /** A calendar window function; configure with the {@code with...} methods. */
  public static final class Calendar extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;
    private final int number;
    private final ChronoUnit unit;
    private final LocalDate startDate;
    private final ZoneId zone;

    Calendar(int number, ChronoUnit unit, LocalDate startDate, ZoneId zone) {
      if (number < 1) {
        throw new IllegalArgumentException("CalendarWindows need a positive number of "
            + unit.toString().toLowerCase() + ": " + number);
      }
      this.number = number;
      this.unit = unit;
      this.startDate = startDate;
      this.zone = zone;
    }

    /** These windows in {@code newZone} (default UTC). */
    public Calendar withTimeZone(ZoneId newZone) {
      return new Calendar(number, unit, startDate, newZone);
    }

    /** These windows counted from {@code year-month-day}. */
    public Calendar withStartingDay(int year, int month, int day) {
      return new Calendar(number, unit, LocalDate.of(year, month, day), zone);
    }

    /** These windows counted from the first of {@code month} of {@code year}. */
    public Calendar withStartingMonth(int year, int month) {
      return new Calendar(number, unit, LocalDate.of(year, month, 1), zone);
    }

    /** These windows counted from January 1st of {@code year}. */
    public Calendar withStartingYear(int year) {
      return new Calendar(number, unit, LocalDate.of(year, 1, 1), zone);
    }

    public int getNumber() {
      return number;
    }

    public ChronoUnit getUnit() {
      return unit;
    }

    public LocalDate getStartDate() {
      return startDate;
    }

    public ZoneId getTimeZone() {
      return zone;
    }

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of(windowFor(c.timestamp()));
    }

    /** The window containing {@code timestamp}. */
    public IntervalWindow windowFor(Instant timestamp) {
      ZonedDateTime origin = startDate.atStartOfDay(zone);
      ZonedDateTime at = timestamp.atZone(zone);
      long units = unit.between(origin, at);
      long windowIndex = Math.floorDiv(units, number);
      ZonedDateTime start = origin.plus(windowIndex * number, unit);
      if (start.isAfter(at)) {
        start = origin.plus((windowIndex - 1) * number, unit);
      }
      ZonedDateTime end = start.plus(number, unit);
      if (!end.isAfter(at)) {
        start = end;
        end = start.plus(number, unit);
      }
      return new IntervalWindow(start.toInstant(), end.toInstant());
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      return windowOfMaxTimestamp(this::windowFor, toString());
    }

    @Override
    public boolean assignsToOneWindow() {
      return true;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Calendar other && number == other.number && unit == other.unit
          && startDate.equals(other.startDate) && zone.equals(other.zone);
    }

    @Override
    public int hashCode() {
      return Objects.hash(number, unit, startDate, zone);
    }

    @Override
    public String toString() {
      String kind = switch (unit) {
        case DAYS -> "days";
        case WEEKS -> "weeks";
        case MONTHS -> "months";
        default -> "years";
      };
      return "CalendarWindows." + kind + "(" + number + ").withStartingDay(" + startDate
          + ").withTimeZone(" + zone + ")";
    }
  }
}
