package io.runnel.runners.core;

import io.runnel.runners.core.state.InMemoryStateBackend;
import io.runnel.runners.core.state.InMemoryTimerService;
import io.runnel.runners.core.state.StateBackend;
import io.runnel.runners.core.state.StateKey;
import io.runnel.runners.core.state.StateNamespace;
import io.runnel.runners.core.state.StateTag;
import io.runnel.runners.core.state.TimerData;
import io.runnel.runners.core.state.TimerService;
import io.runnel.runners.core.triggers.TriggerStateMachineRunner;
import io.runnel.runners.core.triggers.TriggerTimers;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import io.runnel.windowing.WindowingStrategy.AccumulationMode;
import io.runnel.windowing.WindowingStrategy.ClosingBehavior;
import io.runnel.windowing.WindowingStrategy.OnTimeBehavior;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Triggered, windowed grouping of one {@code GroupByKey} or {@code Combine.perKey}, for the keys
 * of one {@link StateBackend}: Beam's {@code ReduceFnRunner} semantics (per-bundle trigger
 * evaluation, pane timing, accumulation modes, allowed lateness, garbage collection, watermark
 * holds, merging windows).
 *
 * <p>Everything it keeps is in the backend and the {@link TimerService}, per key and window: the
 * pane contents ({@link PaneContents}), a {@link WindowRecord} (pending count, holds, last pane,
 * trigger state), a merging window function's active windows per key, the trigger's timers and a
 * garbage-collection timer per window. So it can be snapshot and restored ({@link #snapshot},
 * {@link #restore}) and sharded by key-group range: one instance per range. Holds are also
 * indexed in time order ({@link HoldIndex}, rebuilt on restore), so the watermark hold is a
 * lookup.
 *
 * <p>The runner feeds bundles with {@link #processBundle} and moves time with {@link
 * #advanceTime}; both clocks must never go backwards. Timers are due once their clock is strictly
 * after their time. The engine owns no threads and does no I/O; one thread owns an instance at a
 * time. Outputs are deterministic: keys are visited in the order they appear in a bundle, and
 * timers in time order, ties in the order they were set; the timers due at once form one batch
 * in which each window is activated once, as in Beam's direct runner.
 *
 * <p>A pane without elements since the previous one is emitted only when the strategy asks for
 * it, as in Beam: an empty ON_TIME pane under {@link OnTimeBehavior#FIRE_ALWAYS} (the default),
 * and an empty final pane (the trigger finished, or the window is garbage-collected) under {@link
 * ClosingBehavior#FIRE_ALWAYS}. A pane not emitted does not count: the next pane takes its index.
 *
 * @param <K> the key type
 * @param <InputT> the type of grouped values
 * @param <OutputT> the type of a pane's value ({@code Iterable<InputT>} or the combined output)
 */
public final class WindowedGrouping<K, InputT, OutputT> {
  /** The timer family of the windows' garbage-collection timers. */
  static final String GC_TIMERS = "gc";
  /** The timer family of the triggers' timers. */
  static final String TRIGGER_TIMERS = "trigger";
  private final StateTag.Value<WindowRecord> recordTag;
  private static final int NAMESPACE_CACHE_LIMIT = 1 << 12;

  private final String transformName;
  private final Coder<K> keyCoder;
  private final Coder<BoundedWindow> windowCoder;
  private final PaneContents<InputT, OutputT> contents;
  private final Consumer<WindowedValue<KV<K, OutputT>>> output;
  private final Consumer<WindowedValue<KV<K, InputT>>> droppedLate;
  private final WindowFn<?, ?> windowFn;
  private final boolean discarding;
  private final ClosingBehavior closing;
  private final OnTimeBehavior onTime;
  private final TriggerStateMachineRunner trigger;
  private final WatermarkHolds holds;
  private final StateBackend backend;
  private final TimerService timers;
  private final MergingWindows<K, InputT, OutputT> merging;
  private final HoldIndex holdIndex = new HoldIndex();
  private final Map<BoundedWindow, StateNamespace> namespaces = new HashMap<>();
  private BoundedWindow lastWindow;
  private StateNamespace lastNamespace;
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant outputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant externalHold;
  private long droppedDueToLateness;
  private long droppedDueToClosedWindow;

  /** A grouping over its own in-memory backend and timers, for every key group. */
  public WindowedGrouping(String transformName, WindowingStrategy<?, ?> strategy, Coder<K> keyCoder,
      PaneContents<InputT, OutputT> contents, Consumer<WindowedValue<KV<K, OutputT>>> output,
      Consumer<WindowedValue<KV<K, InputT>>> droppedLate) {
    this(transformName, strategy, keyCoder, contents, output, droppedLate,
        new InMemoryStateBackend(), new InMemoryTimerService());
  }

  /**
   * @param transformName the transform's name, for error messages
   * @param strategy the windowing strategy of the input
   * @param keyCoder the key coder (deterministic: keys are compared and stored by encoding)
   * @param contents what a pane holds: {@link PaneContents#buffering} or {@link
   *     PaneContents#combining}
   * @param output receives every pane, as {@code KV(key, value)} in exactly its window
   * @param droppedLate receives each element (in one window) dropped because its window expired
   *     or its trigger had finished; see {@link #droppedDueToLateness()} and {@link
   *     #droppedDueToClosedWindow()}
   * @param backend where pane contents, window records and active windows are kept
   * @param timers where trigger and garbage-collection timers are kept
   */
  @SuppressWarnings("unchecked")
  public WindowedGrouping(String transformName, WindowingStrategy<?, ?> strategy, Coder<K> keyCoder,
      PaneContents<InputT, OutputT> contents, Consumer<WindowedValue<KV<K, OutputT>>> output,
      Consumer<WindowedValue<KV<K, InputT>>> droppedLate, StateBackend backend,
      TimerService timers) {
    this.transformName = transformName;
    this.keyCoder = keyCoder;
    this.contents = contents;
    this.output = output;
    this.droppedLate = droppedLate;
    this.windowFn = strategy.getWindowFn();
    this.windowCoder = (Coder<BoundedWindow>) windowFn.windowCoder();
    this.discarding = strategy.getMode() == AccumulationMode.DISCARDING_FIRED_PANES;
    this.closing = strategy.getClosingBehavior();
    this.onTime = strategy.getOnTimeBehavior();
    try {
      this.trigger = new TriggerStateMachineRunner(strategy.getTrigger(), !windowFn.isNonMerging());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(transformName + ": " + e.getMessage(), e);
    }
    this.holds = new WatermarkHolds(windowFn, strategy.getTimestampCombiner(),
        strategy.getAllowedLateness(), closing);
    this.backend = backend;
    this.timers = timers;
    this.recordTag = new StateTag.Value<>("window", new WindowRecord.Coder(windowCoder));
    this.merging = windowFn.isNonMerging() ? null : new MergingWindows<>(this, windowCoder);
  }

  /**
   * Adds a bundle of elements (already assigned to windows), then evaluates the triggers of the
   * windows the bundle touched, emitting panes. Elements whose window is expired (its max
   * timestamp plus the allowed lateness is before {@code inputWatermark}) or whose window's
   * trigger has finished go to {@code droppedLate}, not into state.
   */
  public void processBundle(List<WindowedValue<KV<K, InputT>>> bundle, Instant inputWatermark,
      Instant processingTime) {
    processBundle(bundle, null, inputWatermark, processingTime);
  }

  /**
   * As {@link #processBundle(List, Instant, Instant)}, given each element's key as the backend
   * addresses it ({@code stateKeys.get(i)} of {@code bundle.get(i)}; or null to compute them), as
   * a runner that routed the elements by key group already has.
   */
  public void processBundle(List<WindowedValue<KV<K, InputT>>> bundle, List<StateKey> stateKeys,
      Instant inputWatermark, Instant processingTime) {
    moveClocks(inputWatermark, processingTime);
    LinkedHashMap<Object, KeyBatch<K, InputT>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < bundle.size(); i++) {
      WindowedValue<KV<K, InputT>> element = bundle.get(i);
      K key = element.getValue().getKey();
      StateKey known = stateKeys == null ? null : stateKeys.get(i);
      KeyBatch<K, InputT> batch = null;
      for (BoundedWindow window : element.getWindows()) {
        if (holds.isExpired(window, this.inputWatermark)) {
          droppedDueToLateness++;
          droppedLate.accept(WindowedValue.of(element.getValue(), element.getTimestamp(), window,
              element.getPane()));
          continue;
        }
        if (batch == null) {
          batch = byKey.computeIfAbsent(known != null ? known : keyCoder.structuralValue(key),
              s -> new KeyBatch<>(key, known));
        }
        batch.elements.add(new Element<>(element.getValue().getValue(), element.getTimestamp(),
            window, element.getPane()));
      }
    }
    for (KeyBatch<K, InputT> batch : byKey.values()) {
      StateKey stateKey = batch.stateKey != null ? batch.stateKey
          : StateKey.of(keyCoder, batch.key, backend.maxParallelism());
      backend.setCurrentKey(stateKey);
      processKeyBundle(new KeyScope<>(batch.key, stateKey), batch.elements);
    }
    updateOutputWatermark();
  }

  /**
   * Moves time: fires the event-time timers the input watermark has passed and the
   * processing-time timers {@code processingTime} has passed (event time first, each in time
   * order), emitting panes, and garbage-collects windows once the input watermark passes their
   * max timestamp plus the allowed lateness, emitting a final pane if new data remains.
   */
  public void advanceTime(Instant inputWatermark, Instant processingTime) {
    moveClocks(inputWatermark, processingTime);
    // A timer holds the output watermark until it has fired (as in Beam's direct runner), so the
    // output watermark is brought up to date before each batch of due timers is taken out.
    updateOutputWatermark();
    while (true) {
      List<TimerData> due = new ArrayList<>();
      timers.fireDue(TimeDomain.EVENT_TIME, this.inputWatermark, due::add);
      timers.fireDue(TimeDomain.PROCESSING_TIME, this.processingTime, due::add);
      if (due.isEmpty()) {
        break;
      }
      fireBatch(due);
      updateOutputWatermark();
    }
    updateOutputWatermark();
  }

  /**
   * Sets a hold from outside this instance that its output watermark must also respect: the
   * holds of the other instances of the same transform, when a runner shards it by key group,
   * so that every instance labels panes against the transform's output watermark. Null for none.
   */
  public void setExternalHold(Instant hold) {
    this.externalHold = hold;
  }

  /**
   * The earliest watermark hold, or null: of buffered data, and of event-time timers that have
   * not fired yet. The output watermark of this transform is {@code min(inputWatermark, hold)},
   * so no pane is late because of data still buffered or a firing still to come.
   */
  public Instant watermarkHold() {
    return earlier(holdIndex.earliest(), timers.outputHold());
  }

  /**
   * {@link #watermarkHold()} if it is before {@code limit}, else null: all that matters when
   * the hold is compared with a watermark {@code limit}, and cheaper while timers move later.
   */
  public Instant watermarkHoldBefore(Instant limit) {
    Instant hold = earlier(holdIndex.earliest(), timers.outputHoldBefore(limit));
    return hold != null && hold.isBefore(limit) ? hold : null;
  }

  /**
   * The earliest hold the windows place themselves (Beam's element and garbage-collection holds),
   * ignoring pending timers; null if none. Package-private: what Beam's tests call the hold.
   */
  Instant dataHold() {
    return holdIndex.earliest();
  }

  /** The earliest pending processing-time timer, or null; it is due once processing time is after it. */
  public Instant nextProcessingTimeTimer() {
    return timers.nextFireTime(TimeDomain.PROCESSING_TIME);
  }

  /** Whether no key has any state or timer left (everything fired and garbage-collected). */
  public boolean isEmpty() {
    return backend.liveNamespaces() == 0 && timers.size() == 0;
  }

  /** The output watermark this engine assumes: the running max of {@code min(input, hold)}. */
  public Instant outputWatermark() {
    return outputWatermark;
  }

  /** Elements dropped because their window had expired (Beam's {@code droppedDueToLateness}). */
  public long droppedDueToLateness() {
    return droppedDueToLateness;
  }

  /** Elements dropped because their window's trigger had finished ({@code droppedDueToClosedWindow}). */
  public long droppedDueToClosedWindow() {
    return droppedDueToClosedWindow;
  }

  /**
   * Everything this grouping would need to continue elsewhere: its backend's and timer
   * service's contents for their whole key-group range, and its clocks.
   */
  public byte[] snapshot() {
    return GroupingSnapshot.write(backend.snapshot(backend.keyGroupRange()),
        timers.snapshot(backend.keyGroupRange()),
        new Instant[] {inputWatermark, processingTime, outputWatermark});
  }

  /** Takes up the state of a {@link #snapshot} (into this instance's backend and timers). */
  public void restore(byte[] snapshot) {
    GroupingSnapshot read = GroupingSnapshot.read(snapshot);
    backend.restore(read.state());
    timers.restore(read.timers());
    inputWatermark = read.clocks()[0];
    processingTime = read.clocks()[1];
    outputWatermark = read.clocks()[2];
    holdIndex.clear();
    backend.forEachNamespace((key, namespace) -> {
      if (!namespace.isKey()) {
        backend.setCurrentKey(key);
        WindowRecord record = backend.readValue(namespace, recordTag);
        if (record != null) {
          record.holdEntry = holdIndex.set(key, namespace, record.hold(), null);
          record.indexedHold = record.hold();
          record.indexed = true;
        }
      }
    });
  }

  // ---- elements ----

  private void processKeyBundle(KeyScope<K> key, List<Element<InputT>> elements) {
    int size = elements.size();
    // Each element's window after merging; elements merged into one window share the object.
    BoundedWindow[] targets = new BoundedWindow[size];
    if (merging == null) {
      for (int i = 0; i < size; i++) {
        targets[i] = elements.get(i).window;
      }
    } else {
      Set<BoundedWindow> windows = new LinkedHashSet<>();
      for (Element<InputT> element : elements) {
        windows.add(element.window);
      }
      Map<BoundedWindow, BoundedWindow> mergedInto = merging.merge(key, windows, windowFn);
      for (int i = 0; i < size; i++) {
        BoundedWindow window = elements.get(i).window;
        targets[i] = mergedInto.isEmpty() ? window : mergedInto.getOrDefault(window, window);
      }
    }
    // The windows whose triggers are evaluated after the bundle: each target once, in the order
    // the elements first reach it, if it was open before the bundle's elements went in.
    List<BoundedWindow> toConsider = new ArrayList<>();
    Set<BoundedWindow> seen = new java.util.HashSet<>();
    BoundedWindow previous = null;
    for (int i = 0; i < size; i++) {
      BoundedWindow target = targets[i];
      if (target == previous || (previous != null && target.equals(previous))) {
        continue;
      }
      previous = target;
      if (seen.add(target)) {
        WindowRecord record = record(target);
        if (record == null || !trigger.isClosed(record.trigger)) {
          toConsider.add(target);
        }
      }
    }
    // Elements go in in their order; a run of elements in one window reads and writes its
    // window's record once.
    for (int start = 0; start < size; ) {
      BoundedWindow target = targets[start];
      int end = start + 1;
      while (end < size && (targets[end] == target || targets[end].equals(target))) {
        end++;
      }
      addElements(key, target, elements, start, end);
      start = end;
    }
    if (merging != null) {
      merging.finishMerges(key);
    }
    List<BoundedWindow> toFire = new ArrayList<>();
    for (BoundedWindow window : toConsider) {
      WindowRecord record = record(window);
      if (record != null
          && trigger.shouldFire(window, record.trigger, triggerTimers(key, window, record))) {
        toFire.add(window);
      }
    }
    for (BoundedWindow window : toFire) {
      WindowRecord record = record(window);
      emit(key, window, record);
      write(window, record);
    }
  }

  /**
   * Adds {@code elements[from, to)}, all in {@code window} (after merging), one by one as Beam
   * does (each counts for the hold and the trigger), reading and writing the record once.
   */
  private void addElements(KeyScope<K> key, BoundedWindow window,
      List<Element<InputT>> elements, int from, int to) {
    StateNamespace namespace = namespace(window);
    WindowRecord record = namespace == null ? null : backend.readValue(namespace, recordTag);
    if (record != null && trigger.isClosed(record.trigger)) {
      // Only a firing closes a trigger, so the whole run is dropped.
      for (int i = from; i < to; i++) {
        Element<InputT> element = elements.get(i);
        droppedDueToClosedWindow++;
        droppedLate.accept(WindowedValue.of(KV.of(key.key(), element.value), element.timestamp,
            window, element.pane));
      }
      return;
    }
    if (record == null) {
      record = newRecord(key, window, trigger.newState());
      namespace = namespace(window);
    }
    TriggerTimers recordTimers = triggerTimers(key, window, record);
    for (int i = from; i < to; i++) {
      Element<InputT> element = elements.get(i);
      record.pendingElements++;
      holds.addElement(record, window, element.timestamp, inputWatermark, outputWatermark);
      contents.add(backend, namespace, element.value);
      trigger.processValue(window, record.trigger, recordTimers);
    }
    write(window, record);
  }

  /**
   * A new record of {@code window} for the current key (which becomes active, for a merging
   * window function), with its garbage-collection timer.
   */
  private WindowRecord newRecord(KeyScope<K> key, BoundedWindow window,
      io.runnel.runners.core.triggers.TriggerWindowState triggerState) {
    WindowRecord record = new WindowRecord(triggerState);
    if (merging != null) {
      merging.activate(window);
      record.window = window;
    }
    setGarbageCollectionTimer(key, window, namespace(window), record);
    return record;
  }

  /** Sets the garbage-collection timer of {@code window}, whose state is at {@code namespace}. */
  void setGarbageCollectionTimer(KeyScope<K> key, BoundedWindow window,
      StateNamespace namespace, WindowRecord record) {
    Instant gcTime = holds.garbageCollectionTime(window);
    record.gcTimerHandle = timers.set(new TimerData(key.stateKey(), namespace, GC_TIMERS, "",
        TimeDomain.EVENT_TIME, gcTime, gcTime), record.gcTimerHandle);
  }

  // ---- timers ----

  private void fireBatch(List<TimerData> due) {
    LinkedHashMap<TimerData.Address, TimerData> activations = new LinkedHashMap<>();
    Map<TimerData.Address, List<TimerData>> fired = new HashMap<>();
    for (TimerData timer : due) {
      TimerData.Address window = new TimerData.Address(timer.key(), timer.namespace(), "", "");
      fired.computeIfAbsent(window, w -> new ArrayList<>(2)).add(timer);
      if (timer.domain() == TimeDomain.PROCESSING_TIME) {
        BoundedWindow expired = windowOf(timer);
        if (expired == null || holds.isExpired(expired, inputWatermark)) {
          continue;
        }
      }
      activations.putIfAbsent(window, timer);
    }
    for (Map.Entry<TimerData.Address, List<TimerData>> entry : fired.entrySet()) {
      forgetFiredTriggerTimers(entry.getKey(), entry.getValue());
    }
    for (TimerData first : activations.values()) {
      backend.setCurrentKey(first.key());
      WindowRecord record = backend.readValue(first.namespace(), recordTag);
      if (record != null) {
        BoundedWindow window = record.window != null ? record.window
            : decodeWindow(first.namespace());
        onTimer(new KeyScope<>(first.key().decode(keyCoder), first.key()), window, record);
      }
    }
  }

  /** The window a timer belongs to, or null when its window has no record any more. */
  private BoundedWindow windowOf(TimerData timer) {
    if (merging == null) {
      return decodeWindow(timer.namespace());
    }
    backend.setCurrentKey(timer.key());
    WindowRecord record = backend.readValue(timer.namespace(), recordTag);
    return record == null ? null : record.window;
  }

  /** Drops fired trigger timers from their windows' records: the service no longer holds them. */
  private void forgetFiredTriggerTimers(TimerData.Address window, List<TimerData> fired) {
    backend.setCurrentKey(window.key());
    WindowRecord record = backend.readValue(window.namespace(), recordTag);
    if (record == null) {
      return;
    }
    boolean changed = false;
    for (TimerData timer : fired) {
      if (timer.familyId().equals(TRIGGER_TIMERS)) {
        changed |= record.triggerTimers.remove(
            new WindowRecord.TriggerTimer(timer.domain(), timer.fireTime(), timer.timerId()));
      }
    }
    if (changed) {
      backend.writeValue(window.namespace(), recordTag, record);
    }
  }

  private void onTimer(KeyScope<K> key, BoundedWindow window, WindowRecord record) {
    boolean open = !trigger.isClosed(record.trigger);
    if (inputWatermark.isAfter(holds.garbageCollectionTime(window))) {
      if (open) {
        onTrigger(key, window, record, true);
      }
      garbageCollect(key, window);
      return;
    }
    if (open && trigger.shouldFire(window, record.trigger, triggerTimers(key, window, record))) {
      emit(key, window, record);
    }
    write(window, record);
  }

  /** Drops everything of the current key in {@code window}: contents, record, timers, hold. */
  private void garbageCollect(KeyScope<K> key, BoundedWindow window) {
    forget(key, window, namespace(window));
  }

  /** Drops everything of the current key at {@code namespace}, the state of {@code window}. */
  void forget(KeyScope<K> key, BoundedWindow window, StateNamespace namespace) {
    timers.deleteAll(key.stateKey(), namespace);
    backend.clearNamespace(namespace);
    holdIndex.set(key.stateKey(), namespace, null, null);
    if (merging != null) {
      merging.removed(window);
    }
  }

  // ---- panes ----

  private void emit(KeyScope<K> key, BoundedWindow window, WindowRecord record) {
    TriggerTimers recordTimers = triggerTimers(key, window, record);
    trigger.onFire(window, record.trigger, recordTimers);
    boolean finished = trigger.isClosed(record.trigger);
    onTrigger(key, window, record, finished);
    record.pendingElements = 0;
    if (finished || discarding) {
      contents.clear(backend, namespace(window));
    }
    if (finished) {
      trigger.clearState(window, record.trigger, recordTimers);
      record.lastPane = null;
    }
  }

  private void onTrigger(KeyScope<K> key, BoundedWindow window, WindowRecord record,
      boolean isFinished) {
    Instant timestamp = holds.extractAndRelease(record, window, isFinished, inputWatermark);
    Instant hold = record.hold();
    record.holdEntry = holdIndex.set(key.stateKey(), namespace(window), hold, record.holdEntry);
    record.indexedHold = hold;
    record.indexed = true;
    boolean isEmpty = record.pendingElements == 0;
    if (isEmpty && closing == ClosingBehavior.FIRE_IF_NON_EMPTY
        && onTime == OnTimeBehavior.FIRE_IF_NON_EMPTY) {
      return;
    }
    PaneInfo pane = PaneTiming.next(window, record.lastPane, isFinished, inputWatermark,
        outputWatermark);
    if (!needToEmit(isEmpty, isFinished, pane.getTiming())) {
      return;
    }
    if (!isFinished) {
      record.lastPane = pane;
    }
    output.accept(WindowedValue.of(KV.of(key.key(), contents.extract(backend, namespace(window))),
        timestamp, window, pane));
  }

  /** Whether a pane is emitted: it has new elements, or its kind of empty pane was asked for. */
  private boolean needToEmit(boolean isEmpty, boolean isFinished, PaneInfo.Timing timing) {
    return !isEmpty
        || (timing == PaneInfo.Timing.ON_TIME && onTime == OnTimeBehavior.FIRE_ALWAYS)
        || (isFinished && closing == ClosingBehavior.FIRE_ALWAYS);
  }

  // ---- helpers for MergingWindows ----

  TriggerStateMachineRunner trigger() {
    return trigger;
  }

  WatermarkHolds holds() {
    return holds;
  }

  PaneContents<InputT, OutputT> contents() {
    return contents;
  }

  StateBackend backend() {
    return backend;
  }

  TimerService timers() {
    return timers;
  }

  Instant inputWatermark() {
    return inputWatermark;
  }

  StateTag.Value<WindowRecord> recordTag() {
    return recordTag;
  }

  /** The record of {@code window} for the current key, or null. */
  WindowRecord record(BoundedWindow window) {
    StateNamespace namespace = namespace(window);
    return namespace == null ? null : backend.readValue(namespace, recordTag);
  }

  /** Writes the record of {@code window} for the current key back, and indexes its hold. */
  void write(BoundedWindow window, WindowRecord record) {
    StateNamespace namespace = namespace(window);
    backend.writeValue(namespace, recordTag, record);
    Instant hold = record.hold();
    if (!record.indexed || !java.util.Objects.equals(hold, record.indexedHold)) {
      record.holdEntry = holdIndex.set(backend.currentKey(), namespace, hold, record.holdEntry);
      record.indexedHold = hold;
      record.indexed = true;
    }
  }

  /**
   * Where the current key's state of {@code window} lives: the window's encoding, or, for a
   * merging window function, the state address of the active window (null if it is not active).
   */
  StateNamespace namespace(BoundedWindow window) {
    if (merging != null) {
      return merging.namespaceOf(window);
    }
    // Elements of a bundle mostly share their window: a one-entry cache spares the hash.
    if (window == lastWindow || window.equals(lastWindow)) {
      return lastNamespace;
    }
    StateNamespace namespace = namespaces.get(window);
    if (namespace == null) {
      namespace = StateNamespace.window(windowCoder, window);
      if (namespaces.size() >= NAMESPACE_CACHE_LIMIT) {
        namespaces.clear();
      }
      namespaces.put(window, namespace);
    }
    lastWindow = window;
    lastNamespace = namespace;
    return namespace;
  }

  private BoundedWindow decodeWindow(StateNamespace namespace) {
    return namespace.decodeWindow(windowCoder);
  }

  /** The timers a trigger sets for {@code window} of the current key, noted in its record. */
  TriggerTimers triggerTimers(KeyScope<K> key, BoundedWindow window, WindowRecord record) {
    return new TriggerTimers() {
      @Override
      public Instant currentEventTime() {
        return inputWatermark;
      }

      @Override
      public Instant currentProcessingTime() {
        return processingTime;
      }

      @Override
      public void setTimer(Instant time, TimeDomain domain) {
        WindowRecord.TriggerTimer timer =
            WindowRecord.TriggerTimer.of(domain, time, window.maxTimestamp());
        if (record.triggerTimers.contains(timer)) {
          return;
        }
        // A timer of the same id (the end of a window that grew) is moved, not kept twice.
        record.triggerTimers.removeIf(t -> t.id().equals(timer.id()));
        record.triggerTimers.add(timer);
        TimerData data = new TimerData(key.stateKey(), namespace(window), TRIGGER_TIMERS,
            timer.id(), domain, time, domain == TimeDomain.EVENT_TIME ? time : null);
        if (timer.id().equals(WindowRecord.TriggerTimer.END_OF_WINDOW)) {
          record.eowTimerHandle = timers.set(data, record.eowTimerHandle);
        } else {
          timers.set(data);
        }
      }
    };
  }

  private void moveClocks(Instant newInputWatermark, Instant newProcessingTime) {
    if (newInputWatermark.isBefore(inputWatermark) || newProcessingTime.isBefore(processingTime)) {
      throw new IllegalArgumentException(transformName + ": time must not go backwards: input watermark "
          + inputWatermark + " -> " + newInputWatermark + ", processing time " + processingTime
          + " -> " + newProcessingTime);
    }
    inputWatermark = newInputWatermark;
    processingTime = newProcessingTime;
  }

  private void updateOutputWatermark() {
    Instant hold = earlier(watermarkHoldBefore(inputWatermark), externalHold);
    Instant candidate = hold != null && hold.isBefore(inputWatermark) ? hold : inputWatermark;
    if (candidate.isAfter(outputWatermark)) {
      outputWatermark = candidate;
    }
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** The current key, decoded and as the backend addresses it. */
  record KeyScope<K>(K key, StateKey stateKey) {}

  /** The elements of one key in one bundle. */
  private static final class KeyBatch<K, V> {
    final K key;
    final StateKey stateKey;
    final List<Element<V>> elements = new ArrayList<>(2);

    KeyBatch(K key, StateKey stateKey) {
      this.key = key;
      this.stateKey = stateKey;
    }
  }

  /** One element in one window, as the grouping sees it. */
  private record Element<V>(V value, Instant timestamp, BoundedWindow window, PaneInfo pane) {}
}
