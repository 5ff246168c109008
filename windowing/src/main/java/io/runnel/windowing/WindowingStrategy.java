package io.runnel.windowing;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that decides how a {@code PCollection}'s elements are grouped in event time: the
 * window function, trigger, accumulation mode, allowed lateness and timestamp combiner. An
 * immutable value; the {@code with...} methods return modified copies.
 *
 * @param <T> the element type the window function accepts
 * @param <W> the window type
 */
public final class WindowingStrategy<T, W extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Whether a pane carries everything seen in its window so far, or only what is new. */
  public enum AccumulationMode {
    /** Each pane holds only the elements that arrived since the previous firing. */
    DISCARDING_FIRED_PANES,
    /** Each pane holds every element of the window seen so far. */
    ACCUMULATING_FIRED_PANES
  }

  private static final WindowingStrategy<Object, GlobalWindow> GLOBAL_DEFAULT =
      new WindowingStrategy<>(new GlobalWindows(), DefaultTrigger.of(),
          AccumulationMode.DISCARDING_FIRED_PANES, Duration.ZERO, TimestampCombiner.END_OF_WINDOW);

  private final WindowFn<T, W> windowFn;
  private final Trigger trigger;
  private final AccumulationMode mode;
  private final Duration allowedLateness;
  private final TimestampCombiner timestampCombiner;

  private WindowingStrategy(WindowFn<T, W> windowFn, Trigger trigger, AccumulationMode mode,
      Duration allowedLateness, TimestampCombiner timestampCombiner) {
    this.windowFn = Objects.requireNonNull(windowFn, "windowFn");
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative: " + allowedLateness);
    }
    this.timestampCombiner = Objects.requireNonNull(timestampCombiner, "timestampCombiner");
  }

  /** The global window, default trigger, discarding, no allowed lateness, end-of-window timestamps. */
  public static WindowingStrategy<Object, GlobalWindow> globalDefault() {
    return GLOBAL_DEFAULT;
  }

  /** The defaults of {@link #globalDefault()} with another window function. */
  public static <T, W extends BoundedWindow> WindowingStrategy<T, W> of(WindowFn<T, W> windowFn) {
    return new WindowingStrategy<>(windowFn, DefaultTrigger.of(),
        AccumulationMode.DISCARDING_FIRED_PANES, Duration.ZERO, TimestampCombiner.END_OF_WINDOW);
  }

  public WindowFn<T, W> getWindowFn() {
    return windowFn;
  }

  public Trigger getTrigger() {
    return trigger;
  }

  public AccumulationMode getMode() {
    return mode;
  }

  public Duration getAllowedLateness() {
    return allowedLateness;
  }

  public TimestampCombiner getTimestampCombiner() {
    return timestampCombiner;
  }

  /** Whether this is exactly {@link #globalDefault()}. */
  public boolean isGlobalDefault() {
    return equals(GLOBAL_DEFAULT);
  }

  public <T2, W2 extends BoundedWindow> WindowingStrategy<T2, W2> withWindowFn(WindowFn<T2, W2> fn) {
    return new WindowingStrategy<>(fn, trigger, mode, allowedLateness, timestampCombiner);
  }

  public WindowingStrategy<T, W> withTrigger(Trigger newTrigger) {
    return new WindowingStrategy<>(windowFn, newTrigger, mode, allowedLateness, timestampCombiner);
  }

  public WindowingStrategy<T, W> withMode(AccumulationMode newMode) {
    return new WindowingStrategy<>(windowFn, trigger, newMode, allowedLateness, timestampCombiner);
  }

  public WindowingStrategy<T, W> withAllowedLateness(Duration lateness) {
    return new WindowingStrategy<>(windowFn, trigger, mode, lateness, timestampCombiner);
  }

  public WindowingStrategy<T, W> withTimestampCombiner(TimestampCombiner combiner) {
    return new WindowingStrategy<>(windowFn, trigger, mode, allowedLateness, combiner);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowingStrategy<?, ?> other
        && windowFn.equals(other.windowFn)
        && trigger.equals(other.trigger)
        && mode == other.mode
        && allowedLateness.equals(other.allowedLateness)
        && timestampCombiner == other.timestampCombiner;
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowFn, trigger, mode, allowedLateness, timestampCombiner);
  }

  @Override
  public String toString() {
    return "WindowingStrategy{windowFn=" + windowFn + ", trigger=" + trigger + ", mode=" + mode
        + ", allowedLateness=" + allowedLateness + ", timestampCombiner=" + timestampCombiner + "}";
  }
}
