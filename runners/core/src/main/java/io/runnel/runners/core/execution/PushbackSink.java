package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The main input of a ParDo that reads side inputs: elements wait here until the side inputs are
 * ready for their windows (the side input's watermark passed the window), then go on in arrival
 * order. Waiting elements hold the ParDo's output watermark.
 */
final class PushbackSink extends RootSink<List<WindowedValue<?>>> {
  private final Predicate<WindowedValue<?>> ready;
  private List<WindowedValue<?>> waiting = new ArrayList<>();

  PushbackSink(Predicate<WindowedValue<?>> ready) {
    this.ready = ready;
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
  void commit(List<WindowedValue<?>> local) {
    waiting.addAll(local);
    release();
  }

  @Override
  void advance(Instant inputWatermark, Instant processingTime) {
    release();
  }

  @Override
  byte[] snapshotState() {
    return waiting.isEmpty() ? null : new SnapshotStreams.Out()
        .writeValues(StageCoders.chainInput(stage()), waiting).toByteArray();
  }

  @Override
  void restoreState(byte[] state) {
    waiting = new ArrayList<>(new SnapshotStreams.In(state)
        .readValues(StageCoders.chainInput(stage())));
  }

  @Override
  Instant hold() {
    Instant earliest = null;
    for (WindowedValue<?> value : waiting) {
      if (earliest == null || value.getTimestamp().isBefore(earliest)) {
        earliest = value.getTimestamp();
      }
    }
    return earliest;
  }

  private void release() {
    if (waiting.isEmpty()) {
      return;
    }
    List<WindowedValue<?>> released = new ArrayList<>();
    List<WindowedValue<?>> still = new ArrayList<>();
    for (WindowedValue<?> value : waiting) {
      (ready.test(value) ? released : still).add(value);
    }
    waiting = still;
    if (!released.isEmpty()) {
      queue().enqueue(stage(), released, true);
    }
  }
}
