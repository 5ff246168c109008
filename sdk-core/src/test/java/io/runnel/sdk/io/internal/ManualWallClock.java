package io.runnel.sdk.io.internal;

import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand, so that readers of rate-limited sources need no sleeping. */
public final class ManualWallClock implements WallClock {
  private static final long serialVersionUID = 1L;
  private Instant now;

  public ManualWallClock(Instant now) {
    this.now = now;
  }

  @Override
  public Instant now() {
    return now;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  public void set(Instant instant) {
    now = instant;
  }
}
