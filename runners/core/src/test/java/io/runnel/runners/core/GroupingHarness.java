package io.runnel.runners.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import io.runnel.windowing.WindowingStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link WindowedGrouping} of String keys and Integer values with millisecond clocks.
 * Alongside, it drives a second grouping that is snapshot and restored into a fresh instance
 * after every step, and checks that it emits and drops exactly what the first one does: every
 * test of the engine is so also a test of its snapshots.
 */
final class GroupingHarness<OutputT> {
  final WindowedGrouping<String, Integer, OutputT> grouping;
  final List<Out> outputs = new ArrayList<>();
  final List<WindowedValue<KV<String, Integer>>> dropped = new ArrayList<>();
  private final WindowingStrategy<?, ?> strategy;
  private final PaneContents<Integer, OutputT> contents;
  private WindowedGrouping<String, Integer, OutputT> restoring;
  private final List<Out> restoredOutputs = new ArrayList<>();
  private final List<WindowedValue<KV<String, Integer>>> restoredDropped = new ArrayList<>();
  private final long windowSize;
  private final boolean sessions;
  private long watermark = BoundedWindow.TIMESTAMP_MIN_VALUE.toEpochMilli();
  private long processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE.toEpochMilli();

  /** A pane as emitted: key, value, timestamp (millis), window and pane. */
  record Out(String key, Object value, long timestamp, BoundedWindow window, PaneInfo pane) {}

  private GroupingHarness(WindowingStrategy<?, ?> strategy, PaneContents<Integer, OutputT> contents,
      long windowSize, boolean sessions) {
    this.windowSize = windowSize;
    this.sessions = sessions;
    this.strategy = strategy;
    this.contents = contents;
    this.grouping = newGrouping(outputs, dropped);
    this.restoring = newGrouping(restoredOutputs, restoredDropped);
  }

  private WindowedGrouping<String, Integer, OutputT> newGrouping(List<Out> into,
      List<WindowedValue<KV<String, Integer>>> droppedInto) {
    return new WindowedGrouping<>("Group", strategy, StringUtf8Coder.of(), contents,
        out -> into.add(new Out(out.getValue().getKey(), out.getValue().getValue(),
            out.getTimestamp().toEpochMilli(), out.getWindows().iterator().next(), out.getPane())),
        droppedInto::add);
  }

  /** Restores the second grouping into a new instance, then checks it kept up with the first. */
  private void checkRestored() {
    byte[] snapshot = restoring.snapshot();
    restoring = newGrouping(restoredOutputs, restoredDropped);
    restoring.restore(snapshot);
    assertThat(restoredOutputs).as("panes of a grouping restored after every step")
        .isEqualTo(outputs);
    assertThat(restoredDropped).as("dropped elements of a restored grouping").isEqualTo(dropped);
    assertThat(restoring.watermarkHold()).as("hold of a restored grouping")
        .isEqualTo(grouping.watermarkHold());
  }

  /** A GroupByKey over fixed windows of {@code size} millis. */
  static GroupingHarness<Iterable<Integer>> fixed(WindowingStrategy<?, ?> strategy, long size) {
    return new GroupingHarness<>(strategy, PaneContents.buffering(VarIntCoder.of()), size, false);
  }

  /** A GroupByKey over sessions with a gap of {@code gap} millis. */
  static GroupingHarness<Iterable<Integer>> sessions(WindowingStrategy<?, ?> strategy, long gap) {
    return new GroupingHarness<>(strategy, PaneContents.buffering(VarIntCoder.of()), gap, true);
  }

  /** A Combine.perKey summing over fixed windows of {@code size} millis. */
  static GroupingHarness<Integer> summing(WindowingStrategy<?, ?> strategy, long size) {
    Combine.BinaryCombineIntegerFn sum = new Combine.BinaryCombineIntegerFn() {
      @Override
      public int apply(int left, int right) {
        return left + right;
      }

      @Override
      public int identity() {
        return 0;
      }
    };
    return new GroupingHarness<>(strategy, PaneContents.combining(sum,
        sum.getAccumulatorCoder(CoderRegistry.createDefault(), VarIntCoder.of())), size, false);
  }

  static WindowedValue<KV<String, Integer>> value(String key, int value, long timestamp,
      BoundedWindow window) {
    return WindowedValue.of(KV.of(key, value), Instant.ofEpochMilli(timestamp), window,
        PaneInfo.NO_FIRING);
  }

  static IntervalWindow window(long start, long end) {
    return new IntervalWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
  }

  static PaneInfo pane(boolean first, boolean last, Timing timing, long index, long onTimeIndex) {
    return PaneInfo.createPane(first, last, timing, index, onTimeIndex);
  }

  /** The value {@code value} of key {@code key} at {@code timestamp}, in its window. */
  WindowedValue<KV<String, Integer>> at(String key, int value, long timestamp) {
    long start = sessions ? timestamp : Math.floorDiv(timestamp, windowSize) * windowSize;
    return value(key, value, timestamp, window(start, start + windowSize));
  }

  /** One bundle of key "k" values, each {@code {value, timestamp}}. */
  GroupingHarness<OutputT> add(int[]... valueAndTimestamp) {
    List<WindowedValue<KV<String, Integer>>> bundle = new ArrayList<>();
    for (int[] v : valueAndTimestamp) {
      bundle.add(at("k", v[0], v[1]));
    }
    return bundle(bundle);
  }

  GroupingHarness<OutputT> bundle(List<WindowedValue<KV<String, Integer>>> bundle) {
    grouping.processBundle(bundle, Instant.ofEpochMilli(watermark), Instant.ofEpochMilli(processingTime));
    restoring.processBundle(bundle, Instant.ofEpochMilli(watermark),
        Instant.ofEpochMilli(processingTime));
    checkRestored();
    return this;
  }

  GroupingHarness<OutputT> watermark(long millis) {
    watermark = millis;
    grouping.advanceTime(Instant.ofEpochMilli(watermark), Instant.ofEpochMilli(processingTime));
    restoring.advanceTime(Instant.ofEpochMilli(watermark), Instant.ofEpochMilli(processingTime));
    checkRestored();
    return this;
  }

  GroupingHarness<OutputT> processingTime(long millis) {
    processingTime = millis;
    grouping.advanceTime(Instant.ofEpochMilli(watermark), Instant.ofEpochMilli(processingTime));
    restoring.advanceTime(Instant.ofEpochMilli(watermark), Instant.ofEpochMilli(processingTime));
    checkRestored();
    return this;
  }

  /** The outputs so far, then forgets them. */
  List<Out> take() {
    List<Out> taken = List.copyOf(outputs);
    outputs.clear();
    restoredOutputs.clear();
    return taken;
  }

  static int[] v(int value, int timestamp) {
    return new int[] {value, timestamp};
  }
}
