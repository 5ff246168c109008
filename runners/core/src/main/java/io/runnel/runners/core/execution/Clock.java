package io.runnel.runners.core.execution;

import io.runnel.windowing.BoundedWindow;
import java.time.Instant;

/**
 * Processing time as the engine sees it: the wall clock for a pipeline that runs in real time,
 * or a virtual clock that only a script ({@code TestStream}) moves. Processing-time timers and
 * triggers fire once it is strictly after their time. Implementations are thread-safe.
 */
public interface Clock {
  /** The current processing time; never goes backwards. */
  Instant now();

  /** The wall clock, kept from going backwards. */
  static Clock system() {
    return new Clock() {
      private Instant last = BoundedWindow.TIMESTAMP_MIN_VALUE;

      @Override
      public synchronized Instant now() {
        Instant now = Instant.now();
        if (now.isAfter(last)) {
          last = now;
        }
        return last;
      }
    };
  }

  /**
   * A clock that starts at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}, as Beam's does under a
   * {@code TestStream}, and moves only when told.
   */
  static Virtual virtual() {
    return new Virtual();
  }

  /** A clock moved by hand. */
  final class Virtual implements Clock {
    private Instant now = BoundedWindow.TIMESTAMP_MIN_VALUE;

    @Override
    public synchronized Instant now() {
      return now;
    }

    /** Moves the clock forward by {@code advance} (never back). */
    public synchronized void advance(java.time.Duration advance) {
      if (advance.isNegative()) {
        throw new IllegalArgumentException("A clock cannot go back: " + advance);
      }
      now = now.plus(advance);
    }
  }
}
