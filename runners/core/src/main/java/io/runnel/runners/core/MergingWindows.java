package io.runnel.runners.core;

import io.runnel.runners.core.state.StateBackend;
import io.runnel.runners.core.state.StateNamespace;
import io.runnel.runners.core.state.StateTag;
import io.runnel.runners.core.triggers.TriggerStateMachineRunner;
import io.runnel.runners.core.triggers.TriggerWindowState;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.WindowFn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merging windows of a {@link WindowedGrouping} (e.g. sessions), as Beam's {@code
 * ReduceFnRunner} merges them: each key's active windows are kept in the backend, in the key's
 * own namespace, in the order they became active; when a bundle brings new windows, the
 * candidates are the key's open windows plus the new ones, and each merge combines the pane
 * contents, pending-element counts, watermark holds and trigger states of the merged open
 * windows into the result window. A merged window starts its pane numbering afresh unless it is
 * one of the windows merged. Windows whose trigger finished take no part.
 *
 * <p>A window's state does not live under the window's own encoding, which changes whenever a
 * session grows, but under a <em>state address</em> the key gives a window when it becomes
 * active (as Beam's state address windows): a merge leaves the surviving address's state in
 * place and moves only what the other merged windows held, so a session that grows by one
 * element moves nothing. Records of merging windows carry their window. Owned by the grouping's
 * thread; works on the backend's current key.
 */
final class MergingWindows<K, InputT, OutputT> {
  private final WindowedGrouping<K, InputT, OutputT> grouping;
  private final StateTag.Value<ActiveWindows> active;

  /** A key's active windows with their state addresses, in the order they became active. */
  static final class ActiveWindows {
    final List<BoundedWindow> windows = new ArrayList<>(2);
    final List<Long> addresses = new ArrayList<>(2);
    long nextAddress;
    /** The last window looked up and its namespace: a key's bundle asks for one window often. */
    private BoundedWindow lastWindow;
    private StateNamespace lastNamespace;
    /** The namespaces of the addresses, made as asked for. */
    private StateNamespace[] namespaces;

    /** The namespace of active {@code window}, or null if it is not active. */
    StateNamespace namespaceOf(BoundedWindow window) {
      if (lastWindow != null && (window == lastWindow || window.equals(lastWindow))) {
        return lastNamespace;
      }
      int index = indexOf(window);
      if (index < 0) {
        return null;
      }
      lastWindow = window;
      lastNamespace = namespaceAt(index);
      return lastNamespace;
    }

    /** The namespace of the {@code index}th active window. */
    StateNamespace namespaceAt(int index) {
      if (namespaces == null) {
        namespaces = new StateNamespace[addresses.size()];
      }
      StateNamespace namespace = namespaces[index];
      if (namespace == null) {
        namespace = addressNamespace(addresses.get(index));
        namespaces[index] = namespace;
      }
      return namespace;
    }

    /** To be called after the windows or addresses change. */
    void changed() {
      lastWindow = null;
      lastNamespace = null;
      namespaces = null;
    }

    int indexOf(BoundedWindow window) {
      for (int i = 0; i < windows.size(); i++) {
        if (windows.get(i).equals(window)) {
          return i;
        }
      }
      return -1;
    }
  }

  MergingWindows(WindowedGrouping<K, InputT, OutputT> grouping, Coder<BoundedWindow> windowCoder) {
    this.grouping = grouping;
    this.active = new StateTag.Value<>("activeWindows", new ActiveWindowsCoder(windowCoder));
  }

  /** The namespace of the current key's active {@code window}, or null if it is not active. */
  StateNamespace namespaceOf(BoundedWindow window) {
    ActiveWindows windows = grouping.backend().readValue(StateNamespace.KEY, active);
    return windows == null ? null : windows.namespaceOf(window);
  }

  /** Makes {@code window} active for the current key, with a new state address. */
  void activate(BoundedWindow window) {
    ActiveWindows windows = activeWindows();
    int index = windows.indexOf(window);
    if (index >= 0) {
      windows.windows.remove(index);
      long address = windows.addresses.remove(index);
      windows.windows.add(window);
      windows.addresses.add(address);
    } else {
      windows.windows.add(window);
      windows.addresses.add(windows.nextAddress++);
    }
    windows.changed();
    grouping.backend().writeValue(StateNamespace.KEY, active, windows);
  }

  /** Notes that the current key's record of {@code window} is gone. */
  void removed(BoundedWindow window) {
    ActiveWindows windows = grouping.backend().readValue(StateNamespace.KEY, active);
    if (windows == null) {
      return;
    }
    int index = windows.indexOf(window);
    if (index >= 0) {
      windows.windows.remove(index);
      windows.addresses.remove(index);
      windows.changed();
      grouping.backend().writeValue(StateNamespace.KEY, active,
          windows.windows.isEmpty() ? null : windows);
    }
  }

  /** Merges and returns where each merged window went; windows that did not merge are absent. */
  Map<BoundedWindow, BoundedWindow> merge(WindowedGrouping.KeyScope<K> key,
      Collection<BoundedWindow> newWindows, WindowFn<?, ?> windowFn) {
    TriggerStateMachineRunner trigger = grouping.trigger();
    // The key's open active windows (distinct), then the new windows (distinct) not among them.
    List<BoundedWindow> open = new ArrayList<>(2);
    ActiveWindows windows = grouping.backend().readValue(StateNamespace.KEY, active);
    if (windows != null) {
      for (int i = 0; i < windows.windows.size(); i++) {
        WindowRecord record = grouping.backend().readValue(windows.namespaceAt(i),
            grouping.recordTag());
        if (record != null && !trigger.isClosed(record.trigger)) {
          open.add(windows.windows.get(i));
        }
      }
    }
    List<BoundedWindow> candidates = new ArrayList<>(open.size() + newWindows.size());
    candidates.addAll(open);
    for (BoundedWindow window : newWindows) {
      if (open.isEmpty() || !open.contains(window)) {
        candidates.add(window);
      }
    }
    List<Merge> merges = new ArrayList<>();
    WindowMerging.forEachMerge(windowFn, candidates,
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

  private ActiveWindows activeWindows() {
    ActiveWindows windows = grouping.backend().readValue(StateNamespace.KEY, active);
    return windows == null ? new ActiveWindows() : windows;
  }

  /** The namespace of a state address: its number, after a marker byte no window coder makes. */
  static StateNamespace addressNamespace(long address) {
    byte[] bytes = new byte[10];
    bytes[0] = (byte) 0xA5;
    int length = 1;
    long value = address;
    do {
      byte b = (byte) (value & 0x7F);
      value >>>= 7;
      bytes[length++] = value != 0 ? (byte) (b | 0x80) : b;
    } while (value != 0);
    return StateNamespace.ofEncodedWindow(java.util.Arrays.copyOf(bytes, length));
  }

  private void mergeState(WindowedGrouping.KeyScope<K> key, Merge merge) {
    TriggerStateMachineRunner trigger = grouping.trigger();
    StateBackend backend = grouping.backend();
    BoundedWindow resultWindow = merge.result;
    List<BoundedWindow> sources = new ArrayList<>();
    List<StateNamespace> sourceNamespaces = new ArrayList<>();
    List<WindowRecord> sourceRecords = new ArrayList<>();
    ActiveWindows activeBefore = backend.readValue(StateNamespace.KEY, active);
    for (BoundedWindow window : merge.toBeMerged) {
      StateNamespace namespace = activeBefore == null ? null : activeBefore.namespaceOf(window);
      WindowRecord record = namespace == null ? null
          : backend.readValue(namespace, grouping.recordTag());
      if (record != null && !trigger.isClosed(record.trigger)) {
        sources.add(window);
        sourceNamespaces.add(namespace);
        sourceRecords.add(record);
      }
    }
    if (sources.isEmpty()) {
      return; // only new windows: the result starts empty when its first element arrives
    }
    StateNamespace existingNamespace = namespaceOf(resultWindow);
    WindowRecord existing = existingNamespace == null ? null
        : backend.readValue(existingNamespace, grouping.recordTag());
    // The state stays at the result's address if it had one, else at the first source's.
    StateNamespace target = existing != null ? existingNamespace : sourceNamespaces.get(0);
    BoundedWindow targetWindow = existing != null ? resultWindow : sources.get(0);
    TriggerWindowState triggerState = existing == null ? trigger.newState() : existing.trigger.copy();
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
    if (existing != null && !sources.contains(resultWindow)) {
      grouping.contents().clear(backend, target);
    }
    for (int i = 0; i < sources.size(); i++) {
      if (!sourceNamespaces.get(i).equals(target)) {
        grouping.contents().merge(backend, sourceNamespaces.get(i), target);
        grouping.forget(key, sources.get(i), sourceNamespaces.get(i));
      }
    }
    // The merged record replaces the target's; the target's garbage-collection timer is moved
    // (set again at the same address) and its trigger timers that the merged trigger does not
    // set again go, so a growing session does not churn the timers.
    WindowRecord old = backend.readValue(target, grouping.recordTag());
    List<WindowRecord.TriggerTimer> oldTimers = old == null ? List.of()
        : new ArrayList<>(old.triggerTimers);
    backend.clear(target, grouping.recordTag());
    renameAndMoveLast(targetWindow, resultWindow);
    WindowRecord result = new WindowRecord(triggerState);
    result.window = resultWindow;
    result.pendingElements = pending;
    result.lastPane = lastPane;
    if (old != null) {
      result.takeHandles(old);
    }
    grouping.setGarbageCollectionTimer(key, resultWindow, target, result);
    grouping.holds().onMerge(result, resultWindow, sourceRecords, grouping.inputWatermark(),
        grouping.outputWatermark());
    trigger.onMerge(resultWindow, triggerState, sourceTriggers,
        grouping.triggerTimers(key, resultWindow, result));
    if (!oldTimers.isEmpty()) {
      staleTimers.add(new StaleTimers(resultWindow, target, oldTimers));
    }
    grouping.write(resultWindow, result);
  }

  /**
   * The trigger timers a merged-into address had before the merges of the current key's bundle:
   * each is deleted once the bundle's elements are in, unless the merged window's trigger set a
   * timer of the same id again (which moved it), so a growing session's end-of-window timer is
   * moved, not deleted and set again.
   */
  private record StaleTimers(BoundedWindow window, StateNamespace namespace,
      List<WindowRecord.TriggerTimer> timers) {}

  private final List<StaleTimers> staleTimers = new ArrayList<>();

  /** Deletes the stale timers of the current key's merges (see {@link StaleTimers}). */
  void finishMerges(WindowedGrouping.KeyScope<K> key) {
    for (StaleTimers stale : staleTimers) {
      WindowRecord record = grouping.backend().readValue(stale.namespace(), grouping.recordTag());
      for (WindowRecord.TriggerTimer timer : stale.timers()) {
        if (record == null
            || record.triggerTimers.stream().noneMatch(t -> t.id().equals(timer.id()))) {
          grouping.timers().delete(new io.runnel.runners.core.state.TimerData.Address(
              key.stateKey(), stale.namespace(), WindowedGrouping.TRIGGER_TIMERS, timer.id()));
        }
      }
    }
    staleTimers.clear();
  }

  /** The active window {@code from} becomes {@code to} (same address), last in order. */
  private void renameAndMoveLast(BoundedWindow from, BoundedWindow to) {
    ActiveWindows windows = activeWindows();
    int index = windows.indexOf(from);
    long address = windows.addresses.remove(index);
    windows.windows.remove(index);
    int stale = windows.indexOf(to);
    if (stale >= 0) {
      windows.windows.remove(stale);
      windows.addresses.remove(stale);
    }
    windows.windows.add(to);
    windows.addresses.add(address);
    windows.changed();
    grouping.backend().writeValue(StateNamespace.KEY, active, windows);
  }

  private record Merge(List<BoundedWindow> toBeMerged, BoundedWindow result) {}

  /** Encodes a key's active windows: the windows, their addresses, and the next address. */
  private static final class ActiveWindowsCoder extends CustomCoder<ActiveWindows> {
    private static final long serialVersionUID = 1L;
    private final Coder<BoundedWindow> windowCoder;

    ActiveWindowsCoder(Coder<BoundedWindow> windowCoder) {
      this.windowCoder = windowCoder;
    }

    @Override
    public void encode(ActiveWindows value, OutputStream out) throws IOException {
      VarLongCoder.of().encode(value.nextAddress, out);
      VarLongCoder.of().encode((long) value.windows.size(), out);
      for (int i = 0; i < value.windows.size(); i++) {
        windowCoder.encode(value.windows.get(i), out);
        VarLongCoder.of().encode(value.addresses.get(i), out);
      }
    }

    @Override
    public ActiveWindows decode(InputStream in) throws IOException {
      ActiveWindows value = new ActiveWindows();
      value.nextAddress = VarLongCoder.of().decode(in);
      long count = VarLongCoder.of().decode(in);
      for (long i = 0; i < count; i++) {
        value.windows.add(windowCoder.decode(in));
        value.addresses.add(VarLongCoder.of().decode(in));
      }
      return value;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
