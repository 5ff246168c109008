package io.runnel.runners.core;

import io.runnel.runners.core.triggers.TimeDomain;
import io.runnel.runners.core.triggers.TriggerStateMachineRunner;
import io.runnel.runners.core.triggers.TriggerTimers;
import io.runnel.runners.core.triggers.TriggerWindowState;
import io.runnel.sdk.coders.Coder;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Triggered, windowed grouping of one {@code GroupByKey} or {@code Combine.perKey}, for all keys of
 * one worker: Beam's {@code ReduceFnRunner} semantics (per-bundle trigger evaluation, pane timing,
 * accumulation modes, allowed lateness, garbage collection, watermark holds, merging windows).
 *
 * <p>The runner feeds bundles with {@link #processBundle} and moves time with {@link
 * #advanceTime}; both clocks must never go backwards. Timers are due once their clock is strictly
 * after their time. The engine owns no threads and does no I/O; one thread owns an instance.
 * Outputs are deterministic: keys and windows are visited in the order they first appeared and
 * timers in time order, ties in the order they were set.
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
  private final String transformName;
  private final Coder<K> keyCoder;
  private final PaneContents.Factory<InputT, OutputT> contents;
  private final Consumer<WindowedValue<KV<K, OutputT>>> output;
  private final Consumer<WindowedValue<KV<K, InputT>>> droppedLate;
  private final WindowFn<?, ?> windowFn;
  private final boolean discarding;
  private final ClosingBehavior closing;
  private final OnTimeBehavior onTime;
  private final TriggerStateMachineRunner trigger;
  private final WatermarkHolds holds;
  private final GroupingTimers timers = new GroupingTimers();
  private final WindowMerger<K, InputT, OutputT> merger;
  private final LinkedHashMap<Object, KeyState<K, InputT, OutputT>> keys = new LinkedHashMap<>();
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant outputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private long droppedDueToLateness;
  private long droppedDueToClosedWindow;

  /**
   * @param transformName the transform's name, for error messages
   * @param strategy the windowing strategy of the input
   * @param keyCoder the key coder; keys with equal {@link Coder#structuralValue} are one key
   * @param contents makes the pane contents: {@link PaneContents.Factory#buffering()} or {@link
   *     PaneContents.Factory#combining}
   * @param output receives every pane, as {@code KV(key, value)} in exactly its window
   * @param droppedLate receives each element (in one window) dropped because its window expired
   *     or its trigger had finished; see {@link #droppedDueToLateness()} and {@link
   *     #droppedDueToClosedWindow()}
   */
  public WindowedGrouping(String transformName, WindowingStrategy<?, ?> strategy, Coder<K> keyCoder,
      PaneContents.Factory<InputT, OutputT> contents, Consumer<WindowedValue<KV<K, OutputT>>> output,
      Consumer<WindowedValue<KV<K, InputT>>> droppedLate) {
    this.transformName = transformName;
    this.keyCoder = keyCoder;
    this.contents = contents;
    this.output = output;
    this.droppedLate = droppedLate;
    this.windowFn = strategy.getWindowFn();
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
    this.merger = new WindowMerger<>(windowFn, trigger, holds, timers);
  }

  /**
   * Adds a bundle of elements (already assigned to windows), then evaluates the triggers of the
   * windows the bundle touched, emitting panes. Elements whose window is expired (its max
   * timestamp plus the allowed lateness is before {@code inputWatermark}) or whose window's
   * trigger has finished go to {@code droppedLate}, not into state.
   */
  public void processBundle(List<WindowedValue<KV<K, InputT>>> bundle, Instant inputWatermark,
      Instant processingTime) {
    moveClocks(inputWatermark, processingTime);
    LinkedHashMap<Object, List<Element<InputT>>> byKey = new LinkedHashMap<>();
    for (WindowedValue<KV<K, InputT>> element : bundle) {
      K key = element.getValue().getKey();
      Object structural = keyCoder.structuralValue(key);
      for (BoundedWindow window : element.getWindows()) {
        if (holds.isExpired(window, this.inputWatermark)) {
          droppedDueToLateness++;
          droppedLate.accept(WindowedValue.of(element.getValue(), element.getTimestamp(), window,
              element.getPane()));
          continue;
        }
        keys.computeIfAbsent(structural, s -> new KeyState<>(key, s));
        byKey.computeIfAbsent(structural, s -> new ArrayList<>())
            .add(new Element<>(element.getValue().getValue(), element.getTimestamp(), window,
                element.getPane()));
      }
    }
    for (Map.Entry<Object, List<Element<InputT>>> entry : byKey.entrySet()) {
      processKeyBundle(keys.get(entry.getKey()), entry.getValue());
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
    List<GroupingTimers.Timer> due;
    // A timer holds the output watermark until it has fired (as in Beam's direct runner), so the
    // output watermark is brought up to date before each batch of due timers is taken out.
    updateOutputWatermark();
    while (!(due = timers.removeDue(this.inputWatermark, this.processingTime)).isEmpty()) {
      Set<WindowState<K, InputT, OutputT>> activations = new LinkedHashSet<>();
      for (GroupingTimers.Timer timer : due) {
        @SuppressWarnings("unchecked")
        WindowState<K, InputT, OutputT> state = (WindowState<K, InputT, OutputT>) timer.owner;
        if (timer.domain == TimeDomain.PROCESSING_TIME
            && holds.isExpired(state.window, this.inputWatermark)) {
          continue;
        }
        activations.add(state);
      }
      for (WindowState<K, InputT, OutputT> state : activations) {
        if (state.key.windows.get(state.window) == state) {
          onTimer(state);
        }
      }
      updateOutputWatermark();
    }
    updateOutputWatermark();
  }

  /**
   * The earliest watermark hold, or null: of buffered data, and of event-time timers that have
   * not fired yet. The output watermark of this transform is {@code min(inputWatermark, hold)},
   * so no pane is late because of data still buffered or a firing still to come.
   */
  public Instant watermarkHold() {
    Instant timer = timers.nextEventTime();
    Instant data = dataHold();
    if (timer == null) {
      return data;
    }
    return data == null || timer.isBefore(data) ? timer : data;
  }

  /**
   * The earliest hold the windows place themselves (Beam's element and garbage-collection holds),
   * ignoring pending timers; null if none. Package-private: what Beam's tests call the hold.
   */
  Instant dataHold() {
    Instant earliest = null;
    for (KeyState<K, InputT, OutputT> key : keys.values()) {
      for (WindowState<K, InputT, OutputT> state : key.windows.values()) {
        Instant hold = state.hold();
        if (hold != null && (earliest == null || hold.isBefore(earliest))) {
          earliest = hold;
        }
      }
    }
    return earliest;
  }

  /** The earliest pending processing-time timer, or null; it is due once processing time is after it. */
  public Instant nextProcessingTimeTimer() {
    return timers.nextProcessingTime();
  }

  /** Whether no key has any state left (everything fired and garbage-collected). */
  public boolean isEmpty() {
    return keys.isEmpty();
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

  private void processKeyBundle(KeyState<K, InputT, OutputT> key, List<Element<InputT>> elements) {
    Set<BoundedWindow> windows = new LinkedHashSet<>();
    for (Element<InputT> element : elements) {
      windows.add(element.window);
    }
    Map<BoundedWindow, BoundedWindow> mergedInto = windowFn.isNonMerging() ? Map.of()
        : merger.merge(key, windows, contents, this::triggerTimers, inputWatermark, outputWatermark);
    Set<BoundedWindow> toConsider = new LinkedHashSet<>();
    for (BoundedWindow window : windows) {
      BoundedWindow target = mergedInto.getOrDefault(window, window);
      WindowState<K, InputT, OutputT> state = key.windows.get(target);
      if (state == null || !trigger.isClosed(state.trigger)) {
        toConsider.add(target);
      }
    }
    for (Element<InputT> element : elements) {
      addElement(key, mergedInto.getOrDefault(element.window, element.window), element);
    }
    List<WindowState<K, InputT, OutputT>> toFire = new ArrayList<>();
    for (BoundedWindow window : toConsider) {
      WindowState<K, InputT, OutputT> state = key.windows.get(window);
      if (state != null && trigger.shouldFire(window, state.trigger, triggerTimers(state))) {
        toFire.add(state);
      }
    }
    for (WindowState<K, InputT, OutputT> state : toFire) {
      emit(state);
    }
  }

  private void addElement(KeyState<K, InputT, OutputT> key, BoundedWindow window, Element<InputT> element) {
    WindowState<K, InputT, OutputT> state = key.windows.get(window);
    if (state != null && trigger.isClosed(state.trigger)) {
      droppedDueToClosedWindow++;
      droppedLate.accept(WindowedValue.of(KV.of(key.key, element.value), element.timestamp, window,
          element.pane));
      return;
    }
    if (state == null) {
      state = new WindowState<>(key, window, contents.create(), trigger.newState());
      key.windows.put(window, state);
    }
    state.pendingElements++;
    timers.set(state, holds.garbageCollectionTime(window), TimeDomain.EVENT_TIME);
    holds.addElement(state, element.timestamp, inputWatermark, outputWatermark);
    state.contents.add(element.value);
    trigger.processValue(window, state.trigger, triggerTimers(state));
  }

  private void onTimer(WindowState<K, InputT, OutputT> state) {
    BoundedWindow window = state.window;
    boolean open = !trigger.isClosed(state.trigger);
    if (inputWatermark.isAfter(holds.garbageCollectionTime(window))) {
      if (open) {
        onTrigger(state, true);
      }
      timers.deleteAll(state);
      state.key.windows.remove(window);
      if (state.key.windows.isEmpty()) {
        keys.remove(state.key.structuralKey);
      }
      return;
    }
    if (open && trigger.shouldFire(window, state.trigger, triggerTimers(state))) {
      emit(state);
    }
    if (inputWatermark.isAfter(window.maxTimestamp()) && !outputWatermark.isAfter(window.maxTimestamp())) {
      timers.set(state, holds.garbageCollectionTime(window), TimeDomain.EVENT_TIME);
    }
  }

  private void emit(WindowState<K, InputT, OutputT> state) {
    TriggerTimers stateTimers = triggerTimers(state);
    trigger.onFire(state.window, state.trigger, stateTimers);
    boolean finished = trigger.isClosed(state.trigger);
    onTrigger(state, finished);
    state.pendingElements = 0;
    if (finished || discarding) {
      state.contents = contents.create();
    }
    if (finished) {
      trigger.clearState(state.window, state.trigger, stateTimers);
      state.lastPane = null;
    }
  }

  private void onTrigger(WindowState<K, InputT, OutputT> state, boolean isFinished) {
    Instant timestamp = holds.extractAndRelease(state, isFinished, inputWatermark);
    boolean isEmpty = state.pendingElements == 0;
    if (isEmpty && closing == ClosingBehavior.FIRE_IF_NON_EMPTY
        && onTime == OnTimeBehavior.FIRE_IF_NON_EMPTY) {
      return;
    }
    PaneInfo pane = PaneTiming.next(state.window, state.lastPane, isFinished, inputWatermark,
        outputWatermark);
    if (!needToEmit(isEmpty, isFinished, pane.getTiming())) {
      return;
    }
    if (!isFinished) {
      state.lastPane = pane;
    }
    output.accept(WindowedValue.of(KV.of(state.key.key, state.contents.extract()), timestamp,
        state.window, pane));
  }

  /** Whether a pane is emitted: it has new elements, or its kind of empty pane was asked for. */
  private boolean needToEmit(boolean isEmpty, boolean isFinished, PaneInfo.Timing timing) {
    return !isEmpty
        || (timing == PaneInfo.Timing.ON_TIME && onTime == OnTimeBehavior.FIRE_ALWAYS)
        || (isFinished && closing == ClosingBehavior.FIRE_ALWAYS);
  }

  private TriggerTimers triggerTimers(WindowState<K, InputT, OutputT> state) {
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
        timers.set(state, time, domain);
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
    Instant hold = watermarkHold();
    Instant candidate = hold != null && hold.isBefore(inputWatermark) ? hold : inputWatermark;
    if (candidate.isAfter(outputWatermark)) {
      outputWatermark = candidate;
    }
  }

  /** One element in one window, as the grouping sees it. */
  private record Element<V>(V value, Instant timestamp, BoundedWindow window, PaneInfo pane) {}
}
