package io.runnel.sdk.portable;

import io.runnel.sdk.portable.proto.WindowingStrategy.AccumulationMode;
import io.runnel.sdk.portable.proto.WindowingStrategy.ClosingBehavior;
import io.runnel.sdk.portable.proto.WindowingStrategy.OnTimeBehavior;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;

/**
 * Translates windowing strategies to and from {@code runnel.v1.WindowingStrategy}. The standard
 * window functions ({@code GlobalWindows}, {@code FixedWindows}, {@code SlidingWindows}, {@code
 * Sessions}, {@code CalendarWindows}) get their URNs from {@link StandardUrns.WindowFns} and
 * structured payloads, custom ones are Java-serialized; triggers go through {@link
 * TriggerTranslation}. Stateless and thread-safe.
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
        .setWindowFn(WindowFnTranslation.toProto(windowFn))
        .setTrigger(TriggerTranslation.toProto(strategy.getTrigger()))
        .setAccumulationMode(strategy.getMode() == WindowingStrategy.AccumulationMode.ACCUMULATING_FIRED_PANES
            ? AccumulationMode.ACCUMULATING : AccumulationMode.DISCARDING)
        .setAllowedLatenessMillis(Millis.of(strategy.getAllowedLateness(), "allowed lateness"))
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
      default -> throw new IllegalArgumentException("closing_behavior is unknown: "
          + proto.getClosingBehavior());
    };
    WindowingStrategy.OnTimeBehavior onTime = switch (proto.getOnTimeBehavior()) {
      case FIRE_ALWAYS -> WindowingStrategy.OnTimeBehavior.FIRE_ALWAYS;
      case FIRE_IF_NONEMPTY -> WindowingStrategy.OnTimeBehavior.FIRE_IF_NON_EMPTY;
      default -> throw new IllegalArgumentException("on_time_behavior is unknown: "
          + proto.getOnTimeBehavior());
    };
    if (proto.getAllowedLatenessMillis() < 0) {
      throw new IllegalArgumentException("allowed_lateness_millis must not be negative: "
          + proto.getAllowedLatenessMillis());
    }
    // Reads the window coder so that a dangling id fails here rather than in a runner.
    components.getCoder(proto.getWindowCoderId());
    return WindowingStrategy.of(WindowFnTranslation.fromProto(proto.getWindowFn()))
        .withTrigger(TriggerTranslation.fromProto(proto.getTrigger()))
        .withMode(accumulationModeFromProto(proto.getAccumulationMode()))
        .withAllowedLateness(Duration.ofMillis(proto.getAllowedLatenessMillis()))
        .withTimestampCombiner(timestampCombinerFromProto(proto.getTimestampCombiner()))
        .withClosingBehavior(closing)
        .withOnTimeBehavior(onTime);
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
      default -> throw new IllegalArgumentException("timestamp_combiner is unknown: " + combiner);
    };
  }

  private static WindowingStrategy.AccumulationMode accumulationModeFromProto(AccumulationMode mode) {
    return switch (mode) {
      case DISCARDING -> WindowingStrategy.AccumulationMode.DISCARDING_FIRED_PANES;
      case ACCUMULATING -> WindowingStrategy.AccumulationMode.ACCUMULATING_FIRED_PANES;
      default -> throw new IllegalArgumentException("accumulation_mode is unknown: " + mode);
    };
  }
}
