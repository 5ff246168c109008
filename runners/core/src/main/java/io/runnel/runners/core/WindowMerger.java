package io.runnel.runners.core;

import io.runnel.runners.core.triggers.TriggerStateMachineRunner;
import io.runnel.runners.core.triggers.TriggerTimers;
import io.runnel.runners.core.triggers.TriggerWindowState;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.WindowFn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges one key's windows when a bundle brings new ones (e.g. sessions), as Beam's {@code
 * ReduceFnRunner} does: the candidates are the key's open windows plus the bundle's windows; each
 * merge combines the pane contents, pending-element counts, watermark holds and trigger states of
 * the merged open windows into the result window and drops their timers. A merged window starts
 * its pane numbering afresh unless it is one of the windows merged. Windows whose trigger
 * finished take no part. Owned by the grouping's thread.
 */
final class WindowMerger<K, InputT, OutputT> {
  private final WindowFn<?, ?> windowFn;
  private final TriggerStateMachineRunner trigger;
  private final WatermarkHolds holds;
  private final GroupingTimers timers;

  WindowMerger(WindowFn<?, ?> windowFn, TriggerStateMachineRunner trigger, WatermarkHolds holds,
      GroupingTimers timers) {
    this.windowFn = windowFn;
    this.trigger = trigger;
    this.holds = holds;
    this.timers = timers;
  }

  /** Merges and returns where each merged window went; windows that did not merge are absent. */
  Map<BoundedWindow, BoundedWindow> merge(KeyState<K, InputT, OutputT> key,
      Collection<BoundedWindow> newWindows, PaneContents.Factory<InputT, OutputT> contents,
      Function<WindowState<K, InputT, OutputT>, TriggerTimers> timersOf, Instant inputWm,
      Instant outputWm) {
    Set<BoundedWindow> candidates = new LinkedHashSet<>();
    for (WindowState<K, InputT, OutputT> state : key.windows.values()) {
      if (!trigger.isClosed(state.trigger)) {
        candidates.add(state.window);
      }
    }
    candidates.addAll(newWindows);
    List<Merge> merges = new ArrayList<>();
    Map<BoundedWindow, BoundedWindow> mergedInto = new LinkedHashMap<>();
    WindowMerging.forEachMerge(windowFn, new ArrayList<>(candidates),
        (toBeMerged, result) -> merges.add(new Merge(List.copyOf(toBeMerged), result)));
    for (Merge merge : merges) {
      for (BoundedWindow window : merge.toBeMerged) {
        mergedInto.put(window, merge.result);
      }
      mergeState(key, merge, contents, timersOf, inputWm, outputWm);
    }
    return mergedInto;
  }

  private void mergeState(KeyState<K, InputT, OutputT> key, Merge merge,
      PaneContents.Factory<InputT, OutputT> contents,
      Function<WindowState<K, InputT, OutputT>, TriggerTimers> timersOf, Instant inputWm,
      Instant outputWm) {
    List<WindowState<K, InputT, OutputT>> sources = new ArrayList<>();
    for (BoundedWindow window : merge.toBeMerged) {
      WindowState<K, InputT, OutputT> state = key.windows.get(window);
      if (state != null && !trigger.isClosed(state.trigger)) {
        sources.add(state);
      }
    }
    if (sources.isEmpty()) {
      return; // only new windows: the result starts empty when its first element arrives
    }
    WindowState<K, InputT, OutputT> existing = key.windows.get(merge.result);
    TriggerWindowState triggerState = existing == null ? trigger.newState() : existing.trigger.copy();
    WindowState<K, InputT, OutputT> result =
        new WindowState<>(key, merge.result, contents.create(), triggerState);
    List<TriggerWindowState> sourceTriggers = new ArrayList<>();
    for (WindowState<K, InputT, OutputT> source : sources) {
      result.contents.mergeFrom(source.contents);
      result.pendingElements += source.pendingElements;
      sourceTriggers.add(source.trigger);
      if (source == existing) {
        result.lastPane = existing.lastPane;
      }
    }
    holds.onMerge(result, sources, inputWm, outputWm);
    trigger.onMerge(merge.result, triggerState, sourceTriggers, timersOf.apply(result));
    for (WindowState<K, InputT, OutputT> source : sources) {
      timers.deleteAll(source);
      key.windows.remove(source.window);
    }
    if (existing != null) {
      timers.deleteAll(existing);
      key.windows.remove(existing.window);
    }
    key.windows.put(merge.result, result);
  }

  private record Merge(List<BoundedWindow> toBeMerged, BoundedWindow result) {}
}
