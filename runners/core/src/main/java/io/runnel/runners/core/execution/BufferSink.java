package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Buffers the elements of a side-input view in commit order. Its version counts commits that
 * brought elements, so that values computed from it can tell they are stale (late data reaching
 * a window already read). Committed on the coordinator, between runs of the stages that read it.
 */
final class BufferSink extends Sink<List<WindowedValue<?>>> {
  private final List<WindowedValue<?>> elements = new ArrayList<>();
  private final io.runnel.sdk.coders.Coder<WindowedValue<?>> coder;
  private volatile int version;

  /** @param coder the coder of the buffered elements, for snapshots */
  BufferSink(io.runnel.sdk.coders.Coder<WindowedValue<?>> coder) {
    this.coder = coder;
  }

  @Override
  byte[] snapshotState() {
    return elements.isEmpty() ? null : new SnapshotStreams.Out().writeInt(version)
        .writeValues(coder, elements).toByteArray();
  }

  @Override
  void restoreState(byte[] state) {
    SnapshotStreams.In in = new SnapshotStreams.In(state);
    version = in.readInt();
    elements.clear();
    elements.addAll(in.readValues(coder));
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
    if (!local.isEmpty()) {
      elements.addAll(local);
      version++;
    }
  }

  /** Changes whenever elements are committed. */
  int version() {
    return version;
  }

  /** Everything buffered, for reading (side inputs). */
  List<WindowedValue<?>> contents() {
    return elements;
  }
}
