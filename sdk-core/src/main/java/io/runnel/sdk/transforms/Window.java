package io.runnel.sdk.transforms;

import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.Trigger;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import java.time.Duration;

/**
 * Sets how a collection is windowed and, downstream, grouped in event time:
 *
 * <pre>{@code
 * Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(2)))
 *     .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
 *     .withAllowedLateness(Duration.ofMinutes(10))
 *     .accumulatingFiredPanes()
 * }</pre>
 *
 * Settings not given keep the input's values. Elements are re-assigned to windows only when a
 * window function is given. As in Beam, a trigger on windows other than the global window needs
 * an explicit allowed lateness, and any trigger needs an explicit accumulation mode.
 */
public final class Window<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  /** Whether a closing window emits a final pane with nothing new in it. */
  public enum ClosingBehavior {
    /** Always emit the final pane. */
    FIRE_ALWAYS(WindowingStrategy.ClosingBehavior.FIRE_ALWAYS),
    /** Emit the final pane only if it holds new data (the default). */
    FIRE_IF_NON_EMPTY(WindowingStrategy.ClosingBehavior.FIRE_IF_NON_EMPTY);

    private final WindowingStrategy.ClosingBehavior strategy;

    ClosingBehavior(WindowingStrategy.ClosingBehavior strategy) {
      this.strategy = strategy;
    }
  }

  /** Whether an on-time pane with nothing new in it is emitted. */
  public enum OnTimeBehavior {
    /** Always emit the on-time pane (the default). */
    FIRE_ALWAYS(WindowingStrategy.OnTimeBehavior.FIRE_ALWAYS),
    /** Emit the on-time pane only if it holds new data. */
    FIRE_IF_NON_EMPTY(WindowingStrategy.OnTimeBehavior.FIRE_IF_NON_EMPTY);

    private final WindowingStrategy.OnTimeBehavior strategy;

    OnTimeBehavior(WindowingStrategy.OnTimeBehavior strategy) {
      this.strategy = strategy;
    }
  }

  private final WindowFn<? super T, ?> windowFn;
  private final Trigger trigger;
  private final Duration allowedLateness;
  private final ClosingBehavior closingBehavior;
  private final OnTimeBehavior onTimeBehavior;
  private final AccumulationMode mode;
  private final TimestampCombiner timestampCombiner;

  private Window(WindowFn<? super T, ?> windowFn, Trigger trigger, Duration allowedLateness,
      ClosingBehavior closingBehavior, OnTimeBehavior onTimeBehavior, AccumulationMode mode,
      TimestampCombiner timestampCombiner) {
    this.windowFn = windowFn;
    this.trigger = trigger;
    this.allowedLateness = allowedLateness;
    this.closingBehavior = closingBehavior;
    this.onTimeBehavior = onTimeBehavior;
    this.mode = mode;
    this.timestampCombiner = timestampCombiner;
  }

  /** Assigns each element to the windows {@code fn} gives it. */
  public static <T> Window<T> into(WindowFn<? super T, ?> fn) {
    return new Window<>(fn, null, null, null, null, null, null);
  }

  /** Changes settings other than the window function. */
  public static <T> Window<T> configure() {
    return new Window<>(null, null, null, null, null, null, null);
  }

  /** Emits panes when {@code newTrigger} fires instead of when the watermark passes the window. */
  public Window<T> triggering(Trigger newTrigger) {
    return new Window<>(windowFn, newTrigger, allowedLateness, closingBehavior, onTimeBehavior, mode,
        timestampCombiner);
  }

  /** Keeps windows open for data up to {@code lateness} behind the watermark. */
  public Window<T> withAllowedLateness(Duration lateness) {
    return withAllowedLateness(lateness, closingBehavior);
  }

  /** Keeps windows open for {@code lateness}, and says whether closing emits an empty pane. */
  public Window<T> withAllowedLateness(Duration lateness, ClosingBehavior behavior) {
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative: " + lateness);
    }
    return new Window<>(windowFn, trigger, lateness, behavior, onTimeBehavior, mode, timestampCombiner);
  }

  /** Says whether an empty on-time pane is emitted. */
  public Window<T> withOnTimeBehavior(OnTimeBehavior behavior) {
    return new Window<>(windowFn, trigger, allowedLateness, closingBehavior, behavior, mode,
        timestampCombiner);
  }

  /** Each pane carries every element of its window seen so far. */
  public Window<T> accumulatingFiredPanes() {
    return new Window<>(windowFn, trigger, allowedLateness, closingBehavior, onTimeBehavior,
        AccumulationMode.ACCUMULATING_FIRED_PANES, timestampCombiner);
  }

  /** Each pane carries only the elements that arrived since the previous firing (the default). */
  public Window<T> discardingFiredPanes() {
    return new Window<>(windowFn, trigger, allowedLateness, closingBehavior, onTimeBehavior,
        AccumulationMode.DISCARDING_FIRED_PANES, timestampCombiner);
  }

  /** How grouped outputs are timestamped (default: end of window). */
  public Window<T> withTimestampCombiner(TimestampCombiner combiner) {
    return new Window<>(windowFn, trigger, allowedLateness, closingBehavior, onTimeBehavior, mode,
        combiner);
  }

  public WindowFn<? super T, ?> getWindowFn() {
    return windowFn;
  }

  public Trigger getTrigger() {
    return trigger;
  }

  /** The strategy of the output given the input's. */
  public WindowingStrategy<?, ?> outputStrategy(WindowingStrategy<?, ?> input) {
    WindowingStrategy<?, ?> result = windowFn == null ? input : input.withWindowFn(windowFn);
    if (trigger != null) {
      result = result.withTrigger(trigger);
    }
    if (allowedLateness != null) {
      result = result.withAllowedLateness(allowedLateness);
    }
    if (closingBehavior != null) {
      result = result.withClosingBehavior(closingBehavior.strategy);
    }
    if (onTimeBehavior != null) {
      result = result.withOnTimeBehavior(onTimeBehavior.strategy);
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
    validate(strategy);
    return input.apply(windowFn == null ? "Configure" : "Assign", new Assign<>(windowFn, strategy));
  }

  private void validate(WindowingStrategy<?, ?> strategy) {
    if (trigger == null) {
      return;
    }
    if (!(strategy.getWindowFn() instanceof GlobalWindows) && allowedLateness == null) {
      throw new IllegalArgumentException(getName() + ": a trigger on " + strategy.getWindowFn()
          + " needs an explicit allowed lateness, the bound on how late data may be before it"
          + " is dropped; add .withAllowedLateness(...) (Duration.ZERO to drop all late data)");
    }
    if (mode == null) {
      throw new IllegalArgumentException(getName() + ": a trigger that may fire several panes"
          + " needs an explicit accumulation mode; add .accumulatingFiredPanes() or"
          + " .discardingFiredPanes()");
    }
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

    /** The primitive for pipeline translation: assign with {@code fn} (may be null) into {@code strategy}. */
    public static <T> Assign<T> of(WindowFn<? super T, ?> fn, WindowingStrategy<?, ?> strategy) {
      return new Assign<>(fn, strategy);
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
