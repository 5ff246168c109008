package io.runnel.runners.direct.internal;

import io.runnel.runners.core.WindowedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The input of a Flatten: each committed part goes straight on to the Flatten's stage. */
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
}
