package io.runnel.runners.core;

import io.runnel.runners.core.state.StateBackend;
import io.runnel.runners.core.state.StateNamespace;
import io.runnel.runners.core.state.StateTag;
import io.runnel.runners.core.triggers.TriggerStateMachineRunner;
import io.runnel.runners.core.triggers.TriggerWindowState;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merging windows of a {@link WindowedGrouping} (e.g. sessions), as Beam's {@code
 * ReduceFnRunner} merges them: each key's active windows are kept in the backend, in the key's
 * own namespace, in the order they became active; when a bundle brings new windows, the
 * candidates are the key's open windows plus the new ones, and each merge moves the pane
 * contents, pending-element counts, watermark holds and trigger states of the merged open
 * windows into the result window and drops their timers. A merged window starts its pane
 * numbering afresh unless it is one of the windows merged. Windows whose trigger finished take
 * no part. Owned by the grouping's thread; works on the backend's current key.
 */
final class MergingWindows<K, InputT, OutputT> {
  private final WindowedGrouping<K, InputT, OutputT> grouping;
  private final StateTag.Value<List<BoundedWindow>> active;

  MergingWindows(WindowedGrouping<K, InputT, OutputT> grouping, Coder<BoundedWindow> windowCoder) {
    this.grouping = grouping;
    this.active = new StateTag.Value<>("activeWindows", ListCoder.of(windowCoder));
  }

  /** Merges and returns where each merged window went; windows that did not merge are absent. */
  Map<BoundedWindow, BoundedWindow> merge(WindowedGrouping.KeyScope<K> key,
      Collection<BoundedWindow> newWindows, io.runnel.windowing.WindowFn<?, ?> windowFn) {
    TriggerStateMachineRunner trigger = grouping.trigger();
    Set<BoundedWindow> candidates = new LinkedHashSet<>();
    for (BoundedWindow window : activeWindows()) {
      WindowRecord record = grouping.record(window);
      if (record != null && !trigger.isClosed(record.trigger)) {
        candidates.add(window);
      }
    }
    candidates.addAll(newWindows);
    List<Merge> merges = new ArrayList<>();
    WindowMerging.forEachMerge(windowFn, new ArrayList<>(candidates),
        (toBeMerged, result) -> merges.add(new Merge(List.copyOf(toBeMerged), result)));
    Map<BoundedWindow, BoundedWindow> mergedInto = new LinkedHashMap<>();
    for (Merge merge : merges) {
      for (BoundedWindow window : merge.toBeMerged) {
        mergedInto.put(window, merge.result);
      }
      mergeState(key, merge);
    }
    return mergedInto;
  }

  /** Notes that {@code window} got a record for the current key. */
  void added(BoundedWindow window) {
    List<BoundedWindow> windows = new ArrayList<>(activeWindows());
    windows.remove(window);
    windows.add(window);
    grouping.backend().writeValue(StateNamespace.KEY, active, windows);
  }

  /** Notes that the current key's record of {@code window} is gone. */
  void removed(BoundedWindow window) {
    List<BoundedWindow> windows = new ArrayList<>(activeWindows());
    if (windows.remove(window)) {
      grouping.backend().writeValue(StateNamespace.KEY, active,
          windows.isEmpty() ? null : windows);
    }
  }

  private List<BoundedWindow> activeWindows() {
    List<BoundedWindow> windows = grouping.backend().readValue(StateNamespace.KEY, active);
    return windows == null ? List.of() : windows;
  }

  private void mergeState(WindowedGrouping.KeyScope<K> key, Merge merge) {
    TriggerStateMachineRunner trigger = grouping.trigger();
    StateBackend backend = grouping.backend();
    BoundedWindow resultWindow = merge.result;
    List<BoundedWindow> sources = new ArrayList<>();
    List<WindowRecord> sourceRecords = new ArrayList<>();
    for (BoundedWindow window : merge.toBeMerged) {
      WindowRecord record = grouping.record(window);
      if (record != null && !trigger.isClosed(record.trigger)) {
        sources.add(window);
        sourceRecords.add(record);
      }
    }
    if (sources.isEmpty()) {
      return; // only new windows: the result starts empty when its first element arrives
    }
    WindowRecord existing = grouping.record(resultWindow);
    TriggerWindowState triggerState = existing == null ? trigger.newState() : existing.trigger.copy();
    boolean resultIsSource = sources.contains(resultWindow);
    long pending = 0;
    PaneInfo lastPane = null;
    List<TriggerWindowState> sourceTriggers = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      WindowRecord source = sourceRecords.get(i);
      pending += source.pendingElements;
      sourceTriggers.add(source.trigger);
      if (sources.get(i).equals(resultWindow)) {
        lastPane = source.lastPane;
      }
    }
    StateNamespace resultNamespace = grouping.namespace(resultWindow);
    if (existing != null && !resultIsSource) {
      grouping.contents().clear(backend, resultNamespace);
    }
    for (BoundedWindow source : sources) {
      if (!source.equals(resultWindow)) {
        grouping.contents().merge(backend, grouping.namespace(source), resultNamespace);
      }
    }
    for (BoundedWindow source : sources) {
      if (!source.equals(resultWindow)) {
        grouping.garbageCollect(key, source);
      }
    }
    if (existing != null) {
      grouping.timers().deleteAll(key.stateKey(), resultNamespace);
      backend.clear(resultNamespace, WindowedGrouping.recordTag());
      removed(resultWindow);
    }
    WindowRecord result = grouping.newRecord(key, resultWindow, triggerState);
    result.pendingElements = pending;
    result.lastPane = lastPane;
    grouping.holds().onMerge(result, resultWindow, sourceRecords, grouping.inputWatermark(),
        grouping.outputWatermark());
    trigger.onMerge(resultWindow, triggerState, sourceTriggers,
        grouping.triggerTimers(key, resultWindow, result));
    grouping.write(resultWindow, result);
  }

  private record Merge(List<BoundedWindow> toBeMerged, BoundedWindow result) {}
}
