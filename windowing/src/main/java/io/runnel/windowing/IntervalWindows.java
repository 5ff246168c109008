package io.runnel.windowing;

import java.time.Instant;

/** Builds interval windows from millisecond bounds, capping ends at the maximum timestamp. */
final class IntervalWindows {
  private static final long MAX = BoundedWindow.TIMESTAMP_MAX_VALUE.toEpochMilli();

  private IntervalWindows() {}

  static IntervalWindow of(long startMillis, long sizeMillis) {
    long end = startMillis > MAX - sizeMillis ? MAX : startMillis + sizeMillis;
    return new IntervalWindow(Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(end));
  }
}
