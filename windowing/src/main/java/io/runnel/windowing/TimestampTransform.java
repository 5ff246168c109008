package io.runnel.windowing;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A step that maps the processing time of a pane's first element to the time a processing-time
 * trigger fires: a delay, or an alignment to a period. Immutable value.
 */
public sealed interface TimestampTransform extends Serializable {
  /** The time after the transform. */
  Instant apply(Instant time);

  /** Adds a fixed delay. */
  record Delay(Duration delay) implements TimestampTransform {
    @Override
    public Instant apply(Instant time) {
      return time.plus(delay);
    }

    @Override
    public String toString() {
      return ".plusDelayOf(" + delay + ")";
    }
  }

  /**
   * Rounds up to a multiple of {@code period} counted from {@code offset}. The arithmetic is
   * Beam's, remainder sign included: for a time before the offset the result lands one period
   * later than the nearest boundary, which is what ported TestStream tests (whose virtual clock
   * starts at the minimum timestamp) expect.
   */
  record AlignTo(Duration period, Instant offset) implements TimestampTransform {
    @Override
    public Instant apply(Instant time) {
      long periodMillis = period.toMillis();
      long remainder = (time.toEpochMilli() - offset.toEpochMilli()) % periodMillis;
      return remainder == 0 ? time : time.plusMillis(periodMillis - remainder);
    }

    @Override
    public String toString() {
      return ".alignedTo(" + period + (offset.equals(Instant.EPOCH) ? "" : ", " + offset) + ")";
    }
  }
}
