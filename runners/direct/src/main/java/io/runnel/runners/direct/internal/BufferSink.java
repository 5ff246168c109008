package io.runnel.runners.direct.internal;

import io.runnel.runners.core.WindowedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Buffers the elements of a side-input view in commit order. */
final class BufferSink extends Sink<List<WindowedValue<?>>> {
  private List<WindowedValue<?>> elements = new ArrayList<>();

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
    elements.addAll(local);
  }

  /** Everything buffered, for reading (side inputs). */
  List<WindowedValue<?>> contents() {
    return elements;
  }
}
