package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.WindowFn;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Re-assigns each element to the windows of a {@code Window.into} function (or passes it on for
 * {@code Window.configure()}). One assign context is reused across elements. One thread.
 */
final class AssignWindowsExecutor implements Receiver {
  private final Step.AssignStep step;
  private final WindowFn<Object, BoundedWindow> windowFn;
  private final WindowFn<Object, BoundedWindow>.AssignContext context;
  private final Receiver downstream;
  private WindowedValue<?> current;
  private BoundedWindow currentWindow;

  @SuppressWarnings("unchecked")
  AssignWindowsExecutor(Step.AssignStep step, Receiver downstream) {
    this.step = step;
    this.windowFn = (WindowFn<Object, BoundedWindow>) step.transform().getWindowFn();
    this.downstream = downstream;
    this.context = windowFn == null ? null : windowFn.new AssignContext() {
      @Override
      public Object element() {
        return current.getValue();
      }

      @Override
      public Instant timestamp() {
        return current.getTimestamp();
      }

      @Override
      public BoundedWindow window() {
        return currentWindow;
      }
    };
  }

  @Override
  public void accept(WindowedValue<?> value) {
    if (windowFn == null) {
      downstream.accept(value);
      return;
    }
    Collection<BoundedWindow> windows;
    current = value;
    try {
      windows = assign(value);
    } catch (Exception e) {
      throw new TransformFailure(step.name(), "assigning windows to", value.getValue(), e);
    } finally {
      current = null;
      currentWindow = null;
    }
    downstream.accept(WindowedValue.of(value.getValue(), value.getTimestamp(), windows, value.getPane()));
  }

  private Collection<BoundedWindow> assign(WindowedValue<?> value) throws Exception {
    if (value.isSingleWindow()) {
      currentWindow = value.getWindows().iterator().next();
      return windowFn.assignWindows(context);
    }
    Set<BoundedWindow> all = new LinkedHashSet<>();
    for (BoundedWindow window : value.getWindows()) {
      currentWindow = window;
      all.addAll(windowFn.assignWindows(context));
    }
    return all;
  }
}
