package io.runnel.sdk.io.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * The processing-time clock a source reader consults to decide what is due (rate limits,
 * periodic impulses). Serializable, since it travels with its source; {@link #system()} in
 * production, a hand-driven clock in tests so they need not sleep.
 */
@FunctionalInterface
public interface WallClock extends Serializable {
  /** The current processing time. */
  Instant now();

  /** The system clock, {@link Instant#now()}. */
  static WallClock system() {
    return SystemClock.INSTANCE;
  }

  /** {@link Instant#now()}; an enum so that it serializes to the same bytes every time. */
  enum SystemClock implements WallClock {
    INSTANCE;

    @Override
    public Instant now() {
      return Instant.now();
    }
  }
}
