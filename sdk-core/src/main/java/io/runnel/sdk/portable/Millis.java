package io.runnel.sdk.portable;

import java.time.Duration;
import java.time.Instant;

/** Converts durations and instants to the whole milliseconds the portable protos carry. */
final class Millis {
  private Millis() {}

  /**
   * {@code duration} in milliseconds.
   *
   * @throws IllegalArgumentException naming {@code what} if it is not a whole number of
   *     milliseconds or does not fit in a long
   */
  static long of(Duration duration, String what) {
    try {
      if (duration.toNanosPart() % 1_000_000 != 0) {
        throw new IllegalArgumentException(what + " " + duration + " is not a whole number of"
            + " milliseconds; the portable form carries milliseconds");
      }
      return duration.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " " + duration + " does not fit in milliseconds"
          + " as a long", e);
    }
  }

  /**
   * {@code instant} in milliseconds since the epoch.
   *
   * @throws IllegalArgumentException naming {@code what} if it is not on a whole millisecond or
   *     does not fit in a long
   */
  static long of(Instant instant, String what) {
    try {
      if (instant.getNano() % 1_000_000 != 0) {
        throw new IllegalArgumentException(what + " " + instant + " is not on a whole"
            + " millisecond; the portable form carries milliseconds");
      }
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " " + instant + " does not fit in milliseconds"
          + " as a long", e);
    }
  }
}
