package io.runnel.windowing;

import io.runnel.sdk.coders.AtomicCoder;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

/** The single window that spans all of time, used when no windowing is set. */
public final class GlobalWindow extends BoundedWindow {
  /** The one instance. */
  public static final GlobalWindow INSTANCE = new GlobalWindow();

  // One day before the maximum timestamp, as in Beam, so that the end of the global window can
  // still be followed by timers and holds that fire at TIMESTAMP_MAX_VALUE.
  private static final Instant END_OF_GLOBAL_WINDOW =
      TIMESTAMP_MAX_VALUE.minus(Duration.ofDays(1));

  private GlobalWindow() {}

  @Override
  public Instant maxTimestamp() {
    return END_OF_GLOBAL_WINDOW;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GlobalWindow;
  }

  @Override
  public int hashCode() {
    return GlobalWindow.class.hashCode();
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }

  /** Encodes the global window as zero bytes. */
  public static final class Coder extends AtomicCoder<GlobalWindow> {
    private static final long serialVersionUID = 1L;

    /** Equal values encode alike and vice versa. */
    @Override
    public boolean consistentWithEquals() {
      return true;
    }

    /** The one instance. */
    public static final Coder INSTANCE = new Coder();

    private Coder() {}

    @Override
    public void encode(GlobalWindow value, OutputStream out) {}

    @Override
    public GlobalWindow decode(InputStream in) {
      return GlobalWindow.INSTANCE;
    }
  }
}
