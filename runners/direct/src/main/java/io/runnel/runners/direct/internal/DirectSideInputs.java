package io.runnel.runners.direct.internal;

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
 * Serves side inputs from the buffers of completed view steps. A view's value is computed once
 * per window, on first read, and shared by all threads.
 */
final class DirectSideInputs implements SideInputReader {
  private final ExecutionPlan plan;
  private final Map<Step, Sink<?>> sinks;
  private final Map<List<Object>, Object> values = new ConcurrentHashMap<>();

  DirectSideInputs(ExecutionPlan plan, Map<Step, Sink<?>> sinks) {
    this.plan = plan;
    this.sinks = sinks;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(PCollectionView<T> view, BoundedWindow mainWindow) {
    Step.ViewStep step = plan.viewStep(view);
    BoundedWindow sideWindow = StageGraph.sideWindow(view, mainWindow);
    return (T) values.computeIfAbsent(List.of(view.getTagInternal(), sideWindow),
        k -> compute(step, view, sideWindow));
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
