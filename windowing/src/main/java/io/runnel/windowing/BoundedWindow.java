package io.runnel.windowing;

import java.time.Instant;

/**
 * A finite span of event time that elements are grouped into. Every window has a largest
 * timestamp, {@link #maxTimestamp()}; the watermark passing it closes the window's on-time pane.
 */
public abstract class BoundedWindow {
  /** The smallest timestamp an element can carry: Beam's value, about 292,000 years BC. */
  public static final Instant TIMESTAMP_MIN_VALUE = Instant.ofEpochMilli(-9223372036854775L);

  /** The largest timestamp an element can carry; a watermark here means "no more data". */
  public static final Instant TIMESTAMP_MAX_VALUE = Instant.ofEpochMilli(9223372036854775L);

  /** The largest timestamp that falls in this window (inclusive). */
  public abstract Instant maxTimestamp();

  /** Formats a timestamp, naming the two bounds instead of printing huge dates. */
  public static String formatTimestamp(Instant timestamp) {
    if (!timestamp.isAfter(TIMESTAMP_MIN_VALUE)) {
      return "TIMESTAMP_MIN_VALUE";
    }
    if (!timestamp.isBefore(TIMESTAMP_MAX_VALUE)) {
      return "TIMESTAMP_MAX_VALUE";
    }
    if (!timestamp.isBefore(GlobalWindow.INSTANCE.maxTimestamp())) {
      return "END_OF_GLOBAL_WINDOW";
    }
    return timestamp.toString();
  }
}
