package io.runnel.runners.core.execution;

import io.runnel.runners.core.SideInputReader;
import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.transforms.ViewFn;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves side inputs from the buffers of completed view steps. A view's value is computed per
 * window on first read and shared by all threads, until the buffer takes more elements (late
 * data for a window already read): the next read computes it again, as Beam's side inputs
 * follow new panes.
 */
final class SideInputBuffers implements SideInputReader {
  private final ExecutionPlan plan;
  private final Map<Step, Sink<?>> sinks;
  private final Map<List<Object>, Computed> values = new ConcurrentHashMap<>();

  /** A view's value in one window, and the version of the buffer it was computed from. */
  private record Computed(int version, Object value) {}

  SideInputBuffers(ExecutionPlan plan, Map<Step, Sink<?>> sinks) {
    this.plan = plan;
    this.sinks = sinks;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(PCollectionView<T> view, BoundedWindow mainWindow) {
    Step.ViewStep step = plan.viewStep(view);
    BoundedWindow sideWindow = StageGraph.sideWindow(view, mainWindow);
    int version = ((BufferSink) sinks.get(step)).version();
    List<Object> key = List.of(view.getTagInternal(), sideWindow);
    Computed cached = values.get(key);
    if (cached == null || cached.version() != version) {
      cached = values.compute(key, (k, current) -> current != null && current.version() == version
          ? current : new Computed(version, compute(step, view, sideWindow)));
    }
    return (T) cached.value();
  }

  @SuppressWarnings("unchecked")
  private Object compute(Step.ViewStep step, PCollectionView<?> view, BoundedWindow window) {
    BufferSink buffer = (BufferSink) sinks.get(step);
    List<Object> elements = new ArrayList<>();
    for (WindowedValue<?> value : buffer.contents()) {
      if (value.getWindows().contains(window)) {
        elements.add(value.getValue());
      }
    }
    return ((ViewFn<Object, Object>) view.getViewFn()).apply(elements);
  }
}
