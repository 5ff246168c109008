package io.runnel.windowing;

import java.time.Instant;

/** How the timestamp of a grouped output is chosen from the timestamps of its inputs. */
public enum TimestampCombiner {
  /** The earliest input timestamp. */
  EARLIEST,
  /** The latest input timestamp. */
  LATEST,
  /** The end of the window ({@link BoundedWindow#maxTimestamp()}); the default. */
  END_OF_WINDOW;

  /** Combines two candidate output timestamps. */
  public Instant combine(Instant a, Instant b) {
    return switch (this) {
      case EARLIEST -> a.isBefore(b) ? a : b;
      case LATEST, END_OF_WINDOW -> a.isAfter(b) ? a : b;
    };
  }

  /** The candidate output timestamp of one input element in {@code window}. */
  public Instant assign(BoundedWindow window, Instant inputTimestamp) {
    return this == END_OF_WINDOW ? window.maxTimestamp() : inputTimestamp;
  }
}
