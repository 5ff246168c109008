package io.runnel.windowing;

import io.runnel.sdk.coders.Coder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Overlapping windows of {@code size} starting every {@code period} (at {@code offset + k *
 * period}); each element goes to every window containing its timestamp, latest start first.
 * The period defaults to the size (tumbling). Immutable value.
 */
public final class SlidingWindows extends NonMergingWindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;
  private final Duration size;
  private final Duration period;
  private final Duration offset;

  private SlidingWindows(Duration size, Duration period, Duration offset) {
    if (size.isNegative() || size.isZero()) {
      throw new IllegalArgumentException("SlidingWindows size must be positive: " + size);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("SlidingWindows period must be positive: " + period);
    }
    if (offset.isNegative() || offset.compareTo(period) >= 0) {
      throw new IllegalArgumentException("SlidingWindows offset must be in [0, period): offset "
          + offset + ", period " + period);
    }
    this.size = size;
    this.period = period;
    this.offset = offset;
  }

  /** Windows of {@code size}; set the period with {@link #every}. */
  public static SlidingWindows of(Duration size) {
    return new SlidingWindows(size, size, Duration.ZERO);
  }

  /** These windows starting every {@code period}. */
  public SlidingWindows every(Duration period) {
    return new SlidingWindows(size, period, Duration.ofMillis(offset.toMillis() % Math.max(1, period.toMillis())));
  }

  /** These windows shifted by {@code offset}, which must be in {@code [0, period)}. */
  public SlidingWindows withOffset(Duration offset) {
    return new SlidingWindows(size, period, offset);
  }

  public Duration getSize() {
    return size;
  }

  public Duration getPeriod() {
    return period;
  }

  public Duration getOffset() {
    return offset;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return windowsFor(c.timestamp());
  }

  /** The windows containing {@code timestamp}, latest start first. */
  public List<IntervalWindow> windowsFor(Instant timestamp) {
    long ts = timestamp.toEpochMilli();
    long periodMillis = period.toMillis();
    long sizeMillis = size.toMillis();
    long lastStart = ts - Math.floorMod(ts - offset.toMillis(), periodMillis);
    List<IntervalWindow> windows = new ArrayList<>((int) (sizeMillis / periodMillis) + 1);
    for (long start = lastStart; start > ts - sizeMillis; start -= periodMillis) {
      windows.add(IntervalWindows.of(start, sizeMillis));
    }
    return windows;
  }

  /** The latest-starting window holding the main window's max timestamp, as Beam maps. */
  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    return windowOfMaxTimestamp(timestamp -> windowsFor(timestamp).get(0), toString());
  }

  @Override
  public boolean assignsToOneWindow() {
    return size.compareTo(period) <= 0;
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlidingWindows other && size.equals(other.size)
        && period.equals(other.period) && offset.equals(other.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, period, offset);
  }

  @Override
  public String toString() {
    return "SlidingWindows.of(" + size + ").every(" + period + ")"
        + (offset.isZero() ? "" : ".withOffset(" + offset + ")");
  }
}
