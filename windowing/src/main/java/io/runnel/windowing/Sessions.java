package io.runnel.windowing;

import io.runnel.sdk.coders.Coder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Session windows: each element starts a window {@code [timestamp, timestamp + gap)}, and windows
 * of a key that overlap merge into one. Immutable value.
 */
public final class Sessions extends WindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;
  private final Duration gap;

  private Sessions(Duration gap) {
    if (gap.isNegative() || gap.isZero()) {
      throw new IllegalArgumentException("Sessions gap must be positive: " + gap);
    }
    this.gap = gap;
  }

  /** Sessions that close after {@code gap} without elements. */
  public static Sessions withGapDuration(Duration gap) {
    return new Sessions(gap);
  }

  public Duration getGapDuration() {
    return gap;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return List.of(IntervalWindows.of(c.timestamp().toEpochMilli(), gap.toMillis()));
  }

  /** Merges every group of transitively overlapping windows into their span. */
  @Override
  public void mergeWindows(MergeContext c) throws Exception {
    List<IntervalWindow> sorted = new ArrayList<>(c.windows());
    sorted.sort((a, b) -> a.start().compareTo(b.start()));
    List<IntervalWindow> run = new ArrayList<>();
    IntervalWindow span = null;
    for (IntervalWindow window : sorted) {
      if (span != null && span.intersects(window)) {
        run.add(window);
        span = span.span(window);
        continue;
      }
      mergeRun(c, run, span);
      run = new ArrayList<>();
      run.add(window);
      span = window;
    }
    mergeRun(c, run, span);
  }

  private static void mergeRun(MergeContext c, List<IntervalWindow> run, IntervalWindow span)
      throws Exception {
    if (run.size() > 1) {
      c.merge(run, span);
    }
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  /** Session windows cannot back a side input: they are not known until they merge. */
  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException("Sessions cannot window a side input: a session is"
        + " not known until its elements have arrived and merged. Window the side input with"
        + " fixed, sliding or calendar windows, or into the global window");
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof Sessions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sessions other && gap.equals(other.gap);
  }

  @Override
  public int hashCode() {
    return gap.hashCode();
  }

  @Override
  public String toString() {
    return "Sessions.withGapDuration(" + gap + ")";
  }
}
