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

  /**
   * Whether a window emits a final pane when it closes (at end of window plus allowed lateness)
   * even if nothing arrived since its last pane. Users set it through {@code
   * Window.withAllowedLateness(lateness, Window.ClosingBehavior)}.
   */
  public enum ClosingBehavior {
    /** Always emit a final pane, possibly empty. */
    FIRE_ALWAYS,
    /** Emit a final pane only if it has new data (the default). */
    FIRE_IF_NON_EMPTY
  }

  /**
   * Whether the on-time pane is emitted when it would be empty. Users set it through {@code
   * Window.withOnTimeBehavior(Window.OnTimeBehavior)}.
   */
  public enum OnTimeBehavior {
    /** Always emit the on-time pane (the default). */
    FIRE_ALWAYS,
    /** Emit the on-time pane only if it has new data. */
    FIRE_IF_NON_EMPTY
  }

  private static final WindowingStrategy<Object, GlobalWindow> GLOBAL_DEFAULT =
      new WindowingStrategy<>(new GlobalWindows(), DefaultTrigger.of(),
          AccumulationMode.DISCARDING_FIRED_PANES, Duration.ZERO, TimestampCombiner.END_OF_WINDOW,
          ClosingBehavior.FIRE_IF_NON_EMPTY, OnTimeBehavior.FIRE_ALWAYS);

  private final WindowFn<T, W> windowFn;
  private final Trigger trigger;
  private final AccumulationMode mode;
  private final Duration allowedLateness;
  private final TimestampCombiner timestampCombiner;
  private final ClosingBehavior closingBehavior;
  private final OnTimeBehavior onTimeBehavior;

  private WindowingStrategy(WindowFn<T, W> windowFn, Trigger trigger, AccumulationMode mode,
      Duration allowedLateness, TimestampCombiner timestampCombiner,
      ClosingBehavior closingBehavior, OnTimeBehavior onTimeBehavior) {
    this.windowFn = Objects.requireNonNull(windowFn, "windowFn");
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative: " + allowedLateness);
    }
    this.timestampCombiner = Objects.requireNonNull(timestampCombiner, "timestampCombiner");
    this.closingBehavior = Objects.requireNonNull(closingBehavior, "closingBehavior");
    this.onTimeBehavior = Objects.requireNonNull(onTimeBehavior, "onTimeBehavior");
  }

  /** The global window, default trigger, discarding, no allowed lateness, end-of-window timestamps. */
  public static WindowingStrategy<Object, GlobalWindow> globalDefault() {
    return GLOBAL_DEFAULT;
  }

  /** The defaults of {@link #globalDefault()} with another window function. */
  public static <T, W extends BoundedWindow> WindowingStrategy<T, W> of(WindowFn<T, W> windowFn) {
    return new WindowingStrategy<>(windowFn, DefaultTrigger.of(),
        AccumulationMode.DISCARDING_FIRED_PANES, Duration.ZERO, TimestampCombiner.END_OF_WINDOW,
        ClosingBehavior.FIRE_IF_NON_EMPTY, OnTimeBehavior.FIRE_ALWAYS);
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

  public ClosingBehavior getClosingBehavior() {
    return closingBehavior;
  }

  public OnTimeBehavior getOnTimeBehavior() {
    return onTimeBehavior;
  }

  /** Whether this is exactly {@link #globalDefault()}. */
  public boolean isGlobalDefault() {
    return equals(GLOBAL_DEFAULT);
  }

  public <T2, W2 extends BoundedWindow> WindowingStrategy<T2, W2> withWindowFn(WindowFn<T2, W2> fn) {
    return new WindowingStrategy<>(fn, trigger, mode, allowedLateness, timestampCombiner,
        closingBehavior, onTimeBehavior);
  }

  public WindowingStrategy<T, W> withTrigger(Trigger newTrigger) {
    return new WindowingStrategy<>(windowFn, newTrigger, mode, allowedLateness, timestampCombiner,
        closingBehavior, onTimeBehavior);
  }

  public WindowingStrategy<T, W> withMode(AccumulationMode newMode) {
    return new WindowingStrategy<>(windowFn, trigger, newMode, allowedLateness, timestampCombiner,
        closingBehavior, onTimeBehavior);
  }

  public WindowingStrategy<T, W> withAllowedLateness(Duration lateness) {
    return new WindowingStrategy<>(windowFn, trigger, mode, lateness, timestampCombiner,
        closingBehavior, onTimeBehavior);
  }

  public WindowingStrategy<T, W> withTimestampCombiner(TimestampCombiner combiner) {
    return new WindowingStrategy<>(windowFn, trigger, mode, allowedLateness, combiner,
        closingBehavior, onTimeBehavior);
  }

  public WindowingStrategy<T, W> withClosingBehavior(ClosingBehavior behavior) {
    return new WindowingStrategy<>(windowFn, trigger, mode, allowedLateness, timestampCombiner,
        behavior, onTimeBehavior);
  }

  public WindowingStrategy<T, W> withOnTimeBehavior(OnTimeBehavior behavior) {
    return new WindowingStrategy<>(windowFn, trigger, mode, allowedLateness, timestampCombiner,
        closingBehavior, behavior);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowingStrategy<?, ?> other
        && windowFn.equals(other.windowFn)
        && trigger.equals(other.trigger)
        && mode == other.mode
        && allowedLateness.equals(other.allowedLateness)
        && timestampCombiner == other.timestampCombiner
        && closingBehavior == other.closingBehavior
        && onTimeBehavior == other.onTimeBehavior;
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowFn, trigger, mode, allowedLateness, timestampCombiner,
        closingBehavior, onTimeBehavior);
  }

  @Override
  public String toString() {
    return "WindowingStrategy{windowFn=" + windowFn + ", trigger=" + trigger + ", mode=" + mode
        + ", allowedLateness=" + allowedLateness + ", timestampCombiner=" + timestampCombiner
        + ", closingBehavior=" + closingBehavior + ", onTimeBehavior=" + onTimeBehavior + "}";
  }
}
