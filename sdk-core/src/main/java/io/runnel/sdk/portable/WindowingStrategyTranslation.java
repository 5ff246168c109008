package io.runnel.sdk.portable;

import io.runnel.sdk.portable.StandardUrns.WindowFns;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.WindowingStrategy.AccumulationMode;
import io.runnel.sdk.portable.proto.WindowingStrategy.ClosingBehavior;
import io.runnel.sdk.portable.proto.WindowingStrategy.OnTimeBehavior;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;

/**
 * Translates windowing strategies to and from {@code runnel.v1.WindowingStrategy}. {@link
 * GlobalWindows} gets its standard URN; the other Java window functions are Java-serialized
 * until they exist in the windowing module and get theirs ({@code fixed}, {@code sliding},
 * {@code sessions}, {@code calendar}). The Java model emits a pane when a window closes only if
 * it is non-empty and always emits the on-time pane, so those are the behaviours written and the
 * only ones accepted. Stateless and thread-safe.
 */
public final class WindowingStrategyTranslation {
  private WindowingStrategyTranslation() {}

  /**
   * The portable form of {@code strategy}; its window coder is registered in {@code components}.
   *
   * @throws IllegalArgumentException if the allowed lateness is not a whole number of
   *     milliseconds, or a custom window function or trigger is not serializable
   */
  public static io.runnel.sdk.portable.proto.WindowingStrategy toProto(
      WindowingStrategy<?, ?> strategy, SdkComponents components) {
    WindowFn<?, ?> windowFn = strategy.getWindowFn();
    return io.runnel.sdk.portable.proto.WindowingStrategy.newBuilder()
        .setWindowFn(windowFnToProto(windowFn))
        .setTrigger(TriggerTranslation.toProto(strategy.getTrigger()))
        .setAccumulationMode(strategy.getMode() == WindowingStrategy.AccumulationMode.ACCUMULATING_FIRED_PANES
            ? AccumulationMode.ACCUMULATING : AccumulationMode.DISCARDING)
        .setAllowedLatenessMillis(millis(strategy.getAllowedLateness()))
        .setTimestampCombiner(timestampCombinerToProto(strategy.getTimestampCombiner()))
        .setWindowCoderId(components.registerCoder(windowFn.windowCoder()))
        .setClosingBehavior(strategy.getClosingBehavior() == WindowingStrategy.ClosingBehavior.FIRE_ALWAYS
            ? ClosingBehavior.EMIT_ALWAYS : ClosingBehavior.EMIT_IF_NONEMPTY)
        .setOnTimeBehavior(strategy.getOnTimeBehavior() == WindowingStrategy.OnTimeBehavior.FIRE_ALWAYS
            ? OnTimeBehavior.FIRE_ALWAYS : OnTimeBehavior.FIRE_IF_NONEMPTY)
        .setMergesWindows(!windowFn.isNonMerging())
        .build();
  }

  /**
   * The strategy {@code proto} describes.
   *
   * @throws IllegalArgumentException when a part is unknown, unset or unreadable
   */
  public static WindowingStrategy<?, ?> fromProto(
      io.runnel.sdk.portable.proto.WindowingStrategy proto, RehydratedComponents components) {
    WindowingStrategy.ClosingBehavior closing = switch (proto.getClosingBehavior()) {
      case EMIT_ALWAYS -> WindowingStrategy.ClosingBehavior.FIRE_ALWAYS;
      case EMIT_IF_NONEMPTY -> WindowingStrategy.ClosingBehavior.FIRE_IF_NON_EMPTY;
      default -> throw new IllegalArgumentException("unknown closing behavior "
          + proto.getClosingBehavior() + " in a windowing strategy");
    };
    WindowingStrategy.OnTimeBehavior onTime = switch (proto.getOnTimeBehavior()) {
      case FIRE_ALWAYS -> WindowingStrategy.OnTimeBehavior.FIRE_ALWAYS;
      case FIRE_IF_NONEMPTY -> WindowingStrategy.OnTimeBehavior.FIRE_IF_NON_EMPTY;
      default -> throw new IllegalArgumentException("unknown on-time behavior "
          + proto.getOnTimeBehavior() + " in a windowing strategy");
    };
    // Reads the window coder so that a dangling id fails here rather than in a runner.
    components.getCoder(proto.getWindowCoderId());
    return WindowingStrategy.of(windowFnFromProto(proto.getWindowFn()))
        .withTrigger(TriggerTranslation.fromProto(proto.getTrigger()))
        .withMode(accumulationModeFromProto(proto.getAccumulationMode()))
        .withAllowedLateness(Duration.ofMillis(proto.getAllowedLatenessMillis()))
        .withTimestampCombiner(timestampCombinerFromProto(proto.getTimestampCombiner()))
        .withClosingBehavior(closing)
        .withOnTimeBehavior(onTime);
  }

  private static FunctionSpec windowFnToProto(WindowFn<?, ?> windowFn) {
    if (windowFn instanceof GlobalWindows) {
      return FunctionSpec.newBuilder().setUrn(WindowFns.GLOBAL).build();
    }
    return Specs.serialized(WindowFns.JAVA_SERIALIZED, windowFn, "window function " + windowFn);
  }

  private static WindowFn<?, ?> windowFnFromProto(FunctionSpec spec) {
    return switch (spec.getUrn()) {
      case WindowFns.GLOBAL -> new GlobalWindows();
      case WindowFns.JAVA_SERIALIZED ->
          Specs.deserialize(spec, WindowFns.JAVA_SERIALIZED, WindowFn.class, "window function");
      default -> throw new IllegalArgumentException("the Java SDK has no window function for URN '"
          + spec.getUrn() + "' yet");
    };
  }

  private static long millis(Duration duration) {
    try {
      if (duration.toNanosPart() % 1_000_000 != 0) {
        throw new IllegalArgumentException("allowed lateness " + duration + " is not a whole"
            + " number of milliseconds; the portable form carries milliseconds");
      }
      return duration.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("allowed lateness " + duration + " does not fit in"
          + " milliseconds as a long", e);
    }
  }

  private static io.runnel.sdk.portable.proto.WindowingStrategy.TimestampCombiner
      timestampCombinerToProto(TimestampCombiner combiner) {
    return switch (combiner) {
      case EARLIEST -> io.runnel.sdk.portable.proto.WindowingStrategy.TimestampCombiner.EARLIEST;
      case LATEST -> io.runnel.sdk.portable.proto.WindowingStrategy.TimestampCombiner.LATEST;
      case END_OF_WINDOW -> io.runnel.sdk.portable.proto.WindowingStrategy.TimestampCombiner.END_OF_WINDOW;
    };
  }

  private static TimestampCombiner timestampCombinerFromProto(
      io.runnel.sdk.portable.proto.WindowingStrategy.TimestampCombiner combiner) {
    return switch (combiner) {
      case EARLIEST -> TimestampCombiner.EARLIEST;
      case LATEST -> TimestampCombiner.LATEST;
      case END_OF_WINDOW -> TimestampCombiner.END_OF_WINDOW;
      default -> throw new IllegalArgumentException("unknown timestamp combiner " + combiner);
    };
  }

  private static WindowingStrategy.AccumulationMode accumulationModeFromProto(AccumulationMode mode) {
    return switch (mode) {
      case DISCARDING -> WindowingStrategy.AccumulationMode.DISCARDING_FIRED_PANES;
      case ACCUMULATING -> WindowingStrategy.AccumulationMode.ACCUMULATING_FIRED_PANES;
      default -> throw new IllegalArgumentException("unknown accumulation mode " + mode);
    };
  }
}
