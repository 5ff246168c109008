package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.WindowFn;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a merging {@link WindowFn} over one key's windows and reports where each window went. */
public final class WindowMerging {
  private WindowMerging() {}

  /**
   * Maps each of {@code windows} that merged to the window it merged into; windows that did not
   * merge are absent.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Map<BoundedWindow, BoundedWindow> merge(
      WindowFn<?, ?> windowFn, List<? extends BoundedWindow> windows) {
    Map<BoundedWindow, BoundedWindow> mergedInto = new HashMap<>();
    WindowFn<Object, BoundedWindow> fn = (WindowFn<Object, BoundedWindow>) windowFn;
    try {
      fn.mergeWindows(fn.new MergeContext() {
        @Override
        public Collection<BoundedWindow> windows() {
          return (Collection<BoundedWindow>) windows;
        }

        @Override
        public void merge(Collection<BoundedWindow> toBeMerged, BoundedWindow mergeResult) {
          for (BoundedWindow window : toBeMerged) {
            mergedInto.put(window, mergeResult);
          }
        }
      });
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
    return mergedInto;
  }

  /** Runs a merging {@link WindowFn} over {@code windows}, reporting each merge in the order made. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void forEachMerge(WindowFn<?, ?> windowFn, List<? extends BoundedWindow> windows,
      java.util.function.BiConsumer<Collection<BoundedWindow>, BoundedWindow> onMerge) {
    WindowFn<Object, BoundedWindow> fn = (WindowFn<Object, BoundedWindow>) windowFn;
    try {
      fn.mergeWindows(fn.new MergeContext() {
        @Override
        public Collection<BoundedWindow> windows() {
          return (Collection<BoundedWindow>) windows;
        }

        @Override
        public void merge(Collection<BoundedWindow> toBeMerged, BoundedWindow mergeResult) {
          onMerge.accept(toBeMerged, mergeResult);
        }
      });
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }
}
