package io.runnel.sdk.options.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of {@link Duration} option values: ISO-8601 as read by {@link Duration#parse} ({@code
 * PT5M}, {@code PT0.5S}, {@code P1DT2H}, case-insensitive, may be negative), or a short form of one
 * or more non-negative {@code <integer><unit>} parts with unit {@code d}, {@code h}, {@code m},
 * {@code s} or {@code ms}: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms}. Values are
 * written back in ISO-8601.
 */
final class DurationSyntax {
  static final String DESCRIPTION = "Duration, ISO-8601 like PT5M or short like 30s, 5m, 1h30m, 250ms";

  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+(?:ms|d|h|m|s))+");
  private static final Pattern SHORT_PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

  private DurationSyntax() {}

  /** The duration, or null if {@code text} is in neither syntax. */
  static Duration parseOrNull(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-")) {
      try {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (!SHORT_FORM.matcher(lower).matches()) {
      return null;
    }
    try {
      Duration total = Duration.ZERO;
      Matcher part = SHORT_PART.matcher(lower);
      while (part.find()) {
        total = total.plus(unitOf(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
      }
      return total;
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static Duration unitOf(String unit) {
    switch (unit) {
      case "d":
        return Duration.ofDays(1);
      case "h":
        return Duration.ofHours(1);
      case "m":
        return Duration.ofMinutes(1);
      case "s":
        return Duration.ofSeconds(1);
      default:
        return Duration.ofMillis(1);
    }
  }
}
