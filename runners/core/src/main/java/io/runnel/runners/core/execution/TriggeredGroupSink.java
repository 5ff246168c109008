package io.runnel.runners.core.execution;

import io.runnel.runners.core.PaneContents;
import io.runnel.runners.core.UserCodeException;
import io.runnel.runners.core.WindowedGrouping;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.MetricUpdates;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.transforms.GroupByKey;
import java.util.Map;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A GroupByKey or Combine.perKey run by the shared event-time engine: triggers, panes, late
 * data, watermark holds. Bundles collect elements locally; each commit hands them to the engine
 * as one bundle (triggers are evaluated per bundle, as in Beam), and time moves the engine's
 * timers. Whatever the engine emits is queued for the stage.
 */
final class TriggeredGroupSink extends RootSink<List<WindowedValue<?>>> {
  private final String name;
  private final WindowedGrouping<Object, Object, Object> engine;
  private final FlattenSink lateSink;
  private List<WindowedValue<?>> emitted = new ArrayList<>();
  private List<WindowedValue<?>> dropped = new ArrayList<>();
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;

  @SuppressWarnings("unchecked")
  private final MetricsAggregator metrics;
  private final MetricKey droppedKey;
  private long reportedDropped;

  TriggeredGroupSink(String name, PCollection<?> input, PaneContents<Object, Object> contents,
      FlattenSink lateSink, MetricsAggregator metrics) {
    this.name = name;
    this.lateSink = lateSink;
    this.metrics = metrics;
    this.droppedKey = MetricKey.create(name, GroupByKey.DROPPED_DUE_TO_LATENESS);
    KvCoder<Object, Object> coder = (KvCoder<Object, Object>) input.getCoder();
    this.engine = new WindowedGrouping<>(name, input.getWindowingStrategy(), coder.getKeyCoder(),
        contents, pane -> emitted.add(pane), this::onDropped);
  }

  private void onDropped(WindowedValue<?> element) {
    if (lateSink != null) {
      dropped.add(WindowedValue.timestampedValueInGlobalWindow(element.getValue(), element.getTimestamp()));
    }
  }

  @Override
  Supplier<List<WindowedValue<?>>> localFactory() {
    return ArrayList::new;
  }

  @Override
  void add(List<WindowedValue<?>> local, WindowedValue<?> value) {
    local.add(value);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  void commit(List<WindowedValue<?>> local) {
    try {
      engine.processBundle((List) local, inputWatermark, processingTime);
    } catch (UserCodeException e) {
      throw new TransformFailure(name, "grouping", null, e.getCause());
    }
    flush();
  }

  @Override
  void advance(Instant newInputWatermark, Instant newProcessingTime) {
    if (newInputWatermark.isAfter(inputWatermark)) {
      inputWatermark = newInputWatermark;
    }
    if (newProcessingTime.isAfter(processingTime)) {
      processingTime = newProcessingTime;
    }
    try {
      engine.advanceTime(inputWatermark, processingTime);
    } catch (UserCodeException e) {
      throw new TransformFailure(name, "firing panes", null, e.getCause());
    }
    flush();
  }

  @Override
  Instant hold() {
    return engine.watermarkHold();
  }

  /** Elements dropped because their window had expired (beyond the allowed lateness). */
  long droppedDueToLateness() {
    return engine.droppedDueToLateness();
  }

  private void flush() {
    long droppedNow = engine.droppedDueToLateness() + engine.droppedDueToClosedWindow();
    if (droppedNow > reportedDropped) {
      MetricUpdates updates = MetricUpdates.of(Map.of(droppedKey, droppedNow - reportedDropped),
          Map.of(), Map.of());
      reportedDropped = droppedNow;
      metrics.recordAttempted(updates);
      metrics.commit(updates);
    }
    if (!dropped.isEmpty()) {
      List<WindowedValue<?>> late = dropped;
      dropped = new ArrayList<>();
      lateSink.emit(late);
    }
    if (!emitted.isEmpty()) {
      List<WindowedValue<?>> panes = emitted;
      emitted = new ArrayList<>();
      queue().enqueue(stage(), panes, true);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static PaneContents<Object, Object> contentsFor(Step root) {
    if (root instanceof Step.CombineStep combine) {
      io.runnel.sdk.transforms.Combine.CombineFn<Object, Object, Object> fn =
          (io.runnel.sdk.transforms.Combine.CombineFn<Object, Object, Object>)
              io.runnel.sdk.internal.JavaSerialization.clone(combine.transform().getFn(),
                  "CombineFn of " + combine.name());
      KvCoder<Object, Object> input = (KvCoder<Object, Object>) combine.input().getCoder();
      io.runnel.sdk.coders.Coder<Object> accumulatorCoder;
      try {
        accumulatorCoder = fn.getAccumulatorCoder(combine.input().getPipeline().getCoderRegistry(),
            input.getValueCoder());
      } catch (Exception e) {
        // Only snapshots need it; without one the state cannot be snapshot.
        accumulatorCoder = null;
      }
      return PaneContents.combining(fn, accumulatorCoder);
    }
    Step.GroupByKeyStep gbk = (Step.GroupByKeyStep) root;
    KvCoder<Object, Object> input = (KvCoder<Object, Object>) gbk.input().getCoder();
    return (PaneContents) PaneContents.buffering(input.getValueCoder());
  }
}
