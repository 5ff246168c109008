package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A pass-through root input: each committed part (or each batch {@link #emit}ted) goes straight on
 * to the stage. Serves Flatten, and the dropped-late-data output of a grouping.
 */
final class FlattenSink extends RootSink<List<WindowedValue<?>>> {
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
    queue().enqueue(stage(), local, true);
  }

  /** Queues {@code elements} for the stage. */
  void emit(List<WindowedValue<?>> elements) {
    queue().enqueue(stage(), elements, true);
  }
}
