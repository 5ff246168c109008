package io.runnel.sdk.transforms;

import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import java.time.Duration;

/**
 * Sets how a collection is windowed and, downstream, grouped in event time: {@code
 * Window.into(FixedWindows.of(Duration.ofMinutes(2)))}, with {@code withAllowedLateness}, the
 * accumulation mode and the timestamp combiner. Settings not given keep the input's values. The
 * elements are re-assigned to windows only when a window function is given.
 */
public final class Window<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;
  private final WindowFn<? super T, ?> windowFn;
  private final Duration allowedLateness;
  private final AccumulationMode mode;
  private final TimestampCombiner timestampCombiner;

  private Window(WindowFn<? super T, ?> windowFn, Duration allowedLateness, AccumulationMode mode,
      TimestampCombiner timestampCombiner) {
    this.windowFn = windowFn;
    this.allowedLateness = allowedLateness;
    this.mode = mode;
    this.timestampCombiner = timestampCombiner;
  }

  /** Assigns each element to the windows {@code fn} gives it. */
  public static <T> Window<T> into(WindowFn<? super T, ?> fn) {
    return new Window<>(fn, null, null, null);
  }

  /** Changes settings other than the window function. */
  public static <T> Window<T> configure() {
    return new Window<>(null, null, null, null);
  }

  /** Keeps windows open for data up to {@code lateness} behind the watermark. */
  public Window<T> withAllowedLateness(Duration lateness) {
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative: " + lateness);
    }
    return new Window<>(windowFn, lateness, mode, timestampCombiner);
  }

  /** Each pane carries every element of its window seen so far. */
  public Window<T> accumulatingFiredPanes() {
    return new Window<>(windowFn, allowedLateness, AccumulationMode.ACCUMULATING_FIRED_PANES, timestampCombiner);
  }

  /** Each pane carries only the elements that arrived since the previous firing (the default). */
  public Window<T> discardingFiredPanes() {
    return new Window<>(windowFn, allowedLateness, AccumulationMode.DISCARDING_FIRED_PANES, timestampCombiner);
  }

  /** How grouped outputs are timestamped (default: end of window). */
  public Window<T> withTimestampCombiner(TimestampCombiner combiner) {
    return new Window<>(windowFn, allowedLateness, mode, combiner);
  }

  public WindowFn<? super T, ?> getWindowFn() {
    return windowFn;
  }

  /** The strategy of the output given the input's. */
  public WindowingStrategy<?, ?> outputStrategy(WindowingStrategy<?, ?> input) {
    WindowingStrategy<?, ?> result = windowFn == null ? input : input.withWindowFn(windowFn);
    if (allowedLateness != null) {
      result = result.withAllowedLateness(allowedLateness);
    }
    if (mode != null) {
      result = result.withMode(mode);
    }
    if (timestampCombiner != null) {
      result = result.withTimestampCombiner(timestampCombiner);
    }
    return result;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    WindowingStrategy<?, ?> strategy = outputStrategy(input.getWindowingStrategy());
    if (windowFn == null) {
      return input.apply("Configure", new Assign<>(null, strategy));
    }
    return input.apply("Assign", new Assign<>(windowFn, strategy));
  }

  @Override
  protected String getKindString() {
    return windowFn == null ? "Window.Configure" : "Window.Into(" + windowFn + ")";
  }

  /**
   * The primitive behind {@link Window}: re-assigns elements with a window function (or keeps
   * their windows when it has none) and sets the output's windowing strategy.
   */
  public static final class Assign<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final WindowFn<? super T, ?> windowFn;
    private final WindowingStrategy<?, ?> strategy;

    Assign(WindowFn<? super T, ?> windowFn, WindowingStrategy<?, ?> strategy) {
      this.windowFn = windowFn;
      this.strategy = strategy;
    }

    /** The function that assigns windows, or null to keep each element's windows. */
    public WindowFn<? super T, ?> getWindowFn() {
      return windowFn;
    }

    public WindowingStrategy<?, ?> getWindowingStrategy() {
      return strategy;
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      return PCollection.createPrimitiveOutputInternal(input.getPipeline(), strategy,
          input.isBounded(), input.getCoder());
    }
  }
}
