package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.runners.ScriptedStream;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.BoundedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a {@link ScriptedStream} one event at a time. Elements are copied through their coder,
 * so the script's objects never leak into the pipeline. When the script ends, its watermark goes
 * to the end of time.
 */
final class ScriptSource {
  private final Stage stage;
  private final Step.ScriptStep step;
  private final List<? extends ScriptedStream.Event<?>> events;
  private int next;
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

  ScriptSource(Stage stage, Step.ScriptStep step) {
    this.stage = stage;
    this.step = step;
    this.events = step.script().getEvents();
  }

  Stage stage() {
    return stage;
  }

  /** Where the replay stands, for an engine snapshot. */
  byte[] snapshotState() {
    return new SnapshotStreams.Out().writeInt(next).writeInstant(watermark).toByteArray();
  }

  void restoreState(byte[] state) {
    SnapshotStreams.In in = new SnapshotStreams.In(state);
    next = in.readInt();
    watermark = in.readInstant();
  }

  Instant watermark() {
    return watermark;
  }

  boolean finished() {
    return next >= events.size() && !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE);
  }

  /** What the next event asks of the runner. */
  sealed interface Action {}

  /** Process these elements as one bundle. */
  record Emit(List<WindowedValue<?>> bundle) implements Action {}

  /** The source's watermark moved. */
  record Watermark(Instant watermark) implements Action {}

  /** Processing time moves forward by this much. */
  record ProcessingTime(Duration advance) implements Action {}

  /** Takes the next event, or null when the script is done. */
  Action nextAction() {
    if (next >= events.size()) {
      if (watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
        return new Watermark(watermark);
      }
      return null;
    }
    ScriptedStream.Event<?> event = events.get(next++);
    if (event instanceof ScriptedStream.ElementEvent<?> elements) {
      return new Emit(copy(elements.elements()));
    }
    if (event instanceof ScriptedStream.WatermarkEvent<?> mark) {
      watermark = mark.watermark();
      return new Watermark(watermark);
    }
    return new ProcessingTime(((ScriptedStream.ProcessingTimeEvent<?>) event).advance());
  }

  @SuppressWarnings("unchecked")
  private List<WindowedValue<?>> copy(List<? extends TimestampedValue<?>> elements) {
    Coder<Object> coder = (Coder<Object>) step.script().getValueCoder();
    List<WindowedValue<?>> bundle = new ArrayList<>(elements.size());
    for (TimestampedValue<?> element : elements) {
      Object value;
      try {
        value = CoderUtils.clone(coder, element.getValue());
      } catch (Exception e) {
        throw new TransformFailure(step.name(), "encoding", element.getValue(), e);
      }
      bundle.add(WindowedValue.timestampedValueInGlobalWindow(value, element.getTimestamp()));
    }
    return bundle;
  }
}
