package io.runnel.windowing;

import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.InstantCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The half-open interval {@code [start, end)} of event time. Ordered by end, then start, as in
 * Beam. Immutable.
 */
public final class IntervalWindow extends BoundedWindow implements Comparable<IntervalWindow> {
  private final Instant start;
  private final Instant end;
  /** The hash, computed on first use (0 until then): windows are hashed often by groupings. */
  private int hash;
  /** {@link #maxTimestamp()}, computed on first use (a benign race: the value is the same). */
  private transient Instant maxTimestamp;

  /** The window {@code [start, end)}. */
  public IntervalWindow(Instant start, Instant end) {
    this.start = Objects.requireNonNull(start, "start");
    this.end = Objects.requireNonNull(end, "end");
  }

  /** The window {@code [start, start + size)}. */
  public IntervalWindow(Instant start, Duration size) {
    this(start, start.plus(size));
  }

  /** The first instant in the window (inclusive). */
  public Instant start() {
    return start;
  }

  /** The first instant after the window (exclusive). */
  public Instant end() {
    return end;
  }

  /** One millisecond before {@link #end()}. */
  @Override
  public Instant maxTimestamp() {
    Instant max = maxTimestamp;
    if (max == null) {
      max = end.minusMillis(1);
      maxTimestamp = max;
    }
    return max;
  }

  /** Whether {@code timestamp} is in {@code [start, end)}. */
  public boolean contains(Instant timestamp) {
    return !timestamp.isBefore(start) && timestamp.isBefore(end);
  }

  /** Whether {@code other} lies entirely within this window. */
  public boolean contains(IntervalWindow other) {
    return !start.isAfter(other.start) && !end.isBefore(other.end);
  }

  /** Whether the windows share no instant. */
  public boolean isDisjoint(IntervalWindow other) {
    return !end.isAfter(other.start) || !other.end.isAfter(start);
  }

  /** Whether the windows share at least one instant. */
  public boolean intersects(IntervalWindow other) {
    return !isDisjoint(other);
  }

  /** The smallest window that contains both. */
  public IntervalWindow span(IntervalWindow other) {
    return new IntervalWindow(
        start.isBefore(other.start) ? start : other.start,
        end.isAfter(other.end) ? end : other.end);
  }

  @Override
  public int compareTo(IntervalWindow other) {
    int byEnd = end.compareTo(other.end);
    return byEnd != 0 ? byEnd : start.compareTo(other.start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalWindow other && start.equals(other.start) && end.equals(other.end);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * start.hashCode() + end.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "[" + start + ".." + end + ")";
  }

  /** The coder of {@link IntervalWindow}s. */
  public static Coder getCoder() {
    return Coder.INSTANCE;
  }

  /** Encodes the end, then the start, as instants. Deterministic. */
  public static final class Coder extends CustomCoder<IntervalWindow> {
    private static final long serialVersionUID = 1L;
    static final Coder INSTANCE = new Coder();

    private Coder() {}

    @Override
    public void encode(IntervalWindow window, OutputStream out) throws IOException {
      InstantCoder.of().encode(window.end, out);
      InstantCoder.of().encode(window.start, out);
    }

    @Override
    public IntervalWindow decode(InputStream in) throws IOException {
      Instant end = InstantCoder.of().decode(in);
      Instant start = InstantCoder.of().decode(in);
      return new IntervalWindow(start, end);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Coder;
    }

    @Override
    public int hashCode() {
      return Coder.class.hashCode();
    }
  }
}
