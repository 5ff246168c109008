package io.runnel.windowing;

import io.runnel.sdk.coders.Coder;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Tumbling windows: each element goes to the one window {@code [start, start + size)} containing
 * its timestamp, where starts are {@code offset + k * size}. Immutable value.
 */
public final class FixedWindows extends NonMergingWindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;
  private final Duration size;
  private final Duration offset;

  private FixedWindows(Duration size, Duration offset) {
    if (size.isNegative() || size.isZero()) {
      throw new IllegalArgumentException("FixedWindows size must be positive: " + size);
    }
    if (offset.isNegative() || offset.compareTo(size) >= 0) {
      throw new IllegalArgumentException("FixedWindows offset must be in [0, size): offset "
          + offset + ", size " + size);
    }
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static FixedWindows of(Duration size) {
    return new FixedWindows(size, Duration.ZERO);
  }

  /** These windows shifted by {@code offset}, which must be in {@code [0, size)}. */
  public FixedWindows withOffset(Duration offset) {
    return new FixedWindows(size, offset);
  }

  public Duration getSize() {
    return size;
  }

  public Duration getOffset() {
    return offset;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return List.of(windowFor(c.timestamp()));
  }

  /** The window containing {@code timestamp}, by Beam's name of this method. */
  public IntervalWindow assignWindow(Instant timestamp) {
    return windowFor(timestamp);
  }

  /** The window containing {@code timestamp}. */
  public IntervalWindow windowFor(Instant timestamp) {
    long sizeMillis = size.toMillis();
    long ts = timestamp.toEpochMilli();
    long start = ts - Math.floorMod(ts - offset.toMillis(), sizeMillis);
    return IntervalWindows.of(start, sizeMillis);
  }

  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    return windowOfMaxTimestamp(this::windowFor, toString());
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedWindows other && size.equals(other.size) && offset.equals(other.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, offset);
  }

  @Override
  public String toString() {
    return "FixedWindows.of(" + size + ")" + (offset.isZero() ? "" : ".withOffset(" + offset + ")");
  }
}
