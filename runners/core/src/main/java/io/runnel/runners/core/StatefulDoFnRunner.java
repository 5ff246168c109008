package io.runnel.runners.core;

import io.runnel.runners.core.state.BundleStateCache;
import io.runnel.runners.core.state.CachedStateBinder;
import io.runnel.runners.core.state.StateBackend;
import io.runnel.runners.core.state.NamespaceState;
import io.runnel.runners.core.state.TimerData;
import io.runnel.runners.core.state.TimerService;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.State;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnSignature;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.WindowingStrategy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs a stateful {@code DoFn<KV<K, V>, OutputT>} for all keys of one worker: {@code
 * @ProcessElement} with the state and timers of the element's key and window, {@code @OnTimer}
 * when timers are due, {@code @OnWindowExpiration} and garbage collection when windows expire.
 * State goes through a {@link StateBackend} (cached decoded per bundle), timers through a {@link
 * TimerService}; this class owns no threads and does no I/O.
 *
 * <p>Time: {@link #advanceTime} fires, one at a time in fire-time order, the event-time timers
 * the input watermark is strictly after, then the processing-time timers the processing clock is
 * strictly after, repeating until none is due (a callback may set timers already due). A window
 * expires once the input watermark is strictly after its max timestamp plus the allowed
 * lateness: timers due by then fire first, then {@code @OnWindowExpiration}, then the key's state
 * and timers in the window are dropped. Elements of expired windows are dropped and counted.
 *
 * <p>Watermark: {@link #watermarkHold()} is the earliest output timestamp of a pending event-time
 * timer (processing-time timers hold nothing, as in Beam's direct runner) and, with an {@code
 * @OnWindowExpiration} method, the max timestamp of the earliest live window, where its outputs
 * are stamped; the output watermark is {@code min(input watermark, hold)}.
 *
 * <p>Per element, one lookup finds the key and window's {@link LiveWindow}, which holds the
 * bundle's decoded state cells and the latest setting of each timer. Timer settings made while
 * elements are processed reach the {@link TimerService} when the bundle finishes (or time moves,
 * or the hold is asked for), through {@link TimerSettings}, in the order they were made; those
 * made by callbacks while time moves reach it at once.
 *
 * <p>Recovery: a runner built over a backend and timer service restored from snapshots picks
 * up their key and window pairs, so those windows expire and are collected as before.
 *
 * <p>Calls: {@link #setup}, then per bundle {@link #startBundle}, {@link #processElement}s,
 * {@link #finishBundle}; {@link #advanceTime} between bundles; {@link #teardown}. User code
 * failures come out as {@link UserCodeException}; {@link #currentCall()} says what ran. Owned by
 * one thread.
 */
public final class StatefulDoFnRunner<K, V, OutputT> implements KeyedContext<KV<K, V>, OutputT> {
  private final DoFn<KV<K, V>, OutputT> fn;
  private final DoFnRunner<KV<K, V>, OutputT> runner;
  private final DoFnSignature signature;
  private final BundleStateCache cache;
  private final TimerService timers;
  private final TimerSettings settings;
  private final WindowExpiries<K> expiries;
  private final Map<String, State> states = new HashMap<>();
  /** The declared plain timers, each with its index and the one {@link UserTimer} handed out. */
  private final Map<String, DeclaredTimer> declaredTimers = new HashMap<>();
  private final Map<String, TimerSpec> familySpecs = new HashMap<>();
  private final DoFn<KV<K, V>, OutputT>.OnTimerContext onTimerContext;
  private final DoFn<KV<K, V>, OutputT>.OnWindowExpirationContext onExpirationContext;

  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private java.util.function.Supplier<Instant> processingClock;
  private boolean inBundle;
  private long droppedDueToLateness;

  private record DeclaredTimer(int index, String id, UserTimer timer) {}

  // The call in progress.
  private LiveWindow<K> current;
  private Instant currentTimestamp;
  private TimerData firing;
  private String currentWhat = "nothing";

  /**
   * @param outputTags every tag the function may output to, the main tag included
   * @param keyCoder the input's key coder (deterministic: keys are compared by encoding)
   * @param strategy the input's windowing strategy (non-merging when the function uses timers)
   */
  @SuppressWarnings("unchecked")
  public StatefulDoFnRunner(DoFn<KV<K, V>, OutputT> fn, PipelineOptions options,
      OutputManager outputManager, SideInputReader sideInputReader,
      Map<String, PCollectionView<?>> sideInputs, TupleTag<OutputT> mainOutputTag,
      Set<TupleTag<?>> outputTags, Coder<K> keyCoder, WindowingStrategy<?, ?> strategy,
      StateBackend backend, TimerService timers) {
    this.fn = fn;
    this.runner = new DoFnRunner<>(fn, options, outputManager, sideInputReader, sideInputs,
        mainOutputTag, outputTags);
    this.runner.setKeyedContext(this);
    this.signature = runner.invoker().signature();
    this.cache = new BundleStateCache(backend);
    this.timers = timers;
    this.settings = new TimerSettings(timers);
    this.expiries = new WindowExpiries<>(strategy.getAllowedLateness(), keyCoder,
        (Coder<BoundedWindow>) strategy.getWindowFn().windowCoder(),
        strategy.getWindowFn() instanceof GlobalWindows, backend.maxParallelism());
    CachedStateBinder binder = new CachedStateBinder(cache, this::currentWindowState);
    signature.stateDeclarations().forEach((id, declaration) ->
        states.put(id, declaration.spec(fn).bind(id, binder)));
    signature.timerDeclarations().forEach((id, d) -> declaredTimers.put(id, new DeclaredTimer(
        declaredTimers.size(), id,
        new UserTimer(settings, d.spec(fn).getTimeDomain(), fn.getAllowedTimestampSkew(),
            this::processingClockNow))));
    signature.timerFamilyDeclarations().forEach((id, d) -> familySpecs.put(id, d.spec(fn)));
    recoverWindows(backend);
    this.onTimerContext = new KeyedContexts<>(fn, runner, this).onTimer();
    this.onExpirationContext = new KeyedContexts<>(fn, runner, this).onWindowExpiration();
  }

  /**
   * Registers the windows of state and timers already in the backend and timer service (restored
   * from snapshots), so they expire and are garbage-collected like the windows this runner saw.
   */
  private void recoverWindows(StateBackend backend) {
    backend.forEachNamespace(expiries::live);
    timers.forEach(timer -> {
      TimerSettings.Setting setting = settingOf(expiries.live(timer.key(), timer.namespace()),
          timer);
      if (setting != null) {
        TimerSettings.restored(setting, timer);
      }
    });
  }

  /** The setting of {@code timer} in {@code live}; null for a timer the function no longer declares. */
  private TimerSettings.Setting settingOf(LiveWindow<K> live, TimerData timer) {
    if (!timer.familyId().isEmpty()) {
      return live.familyTimer(timer.familyId(), timer.timerId(), timer.domain());
    }
    DeclaredTimer declared = declaredTimers.get(timer.timerId());
    return declared == null ? null : live.timer(declared.index(), declared.id(),
        declaredTimers.size(), declared.timer().domain());
  }

  private NamespaceState currentWindowState() {
    if (current == null) {
      throw new IllegalStateException("State of DoFn " + fn.getClass().getName() + " is only"
          + " available for a key and window: in @ProcessElement, @OnTimer and"
          + " @OnWindowExpiration, not in " + currentWhat);
    }
    return current;
  }

  public DoFn<KV<K, V>, OutputT> getFn() {
    return fn;
  }

  public void setup() {
    leave("@Setup");
    runner.setup();
  }

  public void teardown() {
    leave("@Teardown");
    runner.teardown();
  }

  /** Starts a bundle of elements, which arrive with the given clocks (never going back). */
  public void startBundle(Instant newInputWatermark, Instant newProcessingTime) {
    moveClocks(newInputWatermark, newProcessingTime);
    leave("@StartBundle");
    runner.startBundle();
    inBundle = true;
    settings.defer(true);
  }

  /**
   * Processes one element in each of its windows, with the state and timers of its key there;
   * a window that has expired drops the element instead (see {@link #droppedDueToLateness()}).
   */
  public void processElement(WindowedValue<KV<K, V>> element) {
    K key = element.getValue().getKey();
    boolean single = element.isSingleWindow();
    for (BoundedWindow window : element.getWindows()) {
      LiveWindow<K> live = expiries.live(key, window, inputWatermark);
      if (live == null) {
        droppedDueToLateness++;
        continue;
      }
      enter(live, element.getTimestamp(), null, "@ProcessElement");
      runner.processInWindow(single ? element
          : WindowedValue.of(element.getValue(), element.getTimestamp(), window,
              element.getPane()), window);
    }
  }

  /** The bundle-finalization callbacks the function registered since the last call. */
  public java.util.List<BundleCallback> takeBundleCallbacks() {
    return runner.takeBundleCallbacks();
  }

  /** Finishes the bundle and writes the state it changed back to the backend. */
  public void finishBundle() {
    leave("@FinishBundle");
    runner.finishBundle();
    settings.defer(false);
    cache.flush();
    inBundle = false;
  }

  /**
   * Moves the clocks (never back) and fires what became due, as the class comment describes,
   * inside a bundle of its own when anything is due and no bundle is open.
   */
  public void advanceTime(Instant newInputWatermark, Instant newProcessingTime) {
    moveClocks(newInputWatermark, newProcessingTime);
    // Settings made while processing elements reach the timer service; callbacks' go at once.
    settings.defer(false);
    boolean ownBundle = false;
    while (true) {
      Instant nextEvent = timers.nextFireTime(TimeDomain.EVENT_TIME);
      boolean eventDue = nextEvent != null && inputWatermark.isAfter(nextEvent);
      LiveWindow<K> expiry = expiries.nextDue(inputWatermark);
      if (!eventDue && expiry == null) {
        Instant nextProcessing = timers.nextFireTime(TimeDomain.PROCESSING_TIME);
        if (nextProcessing == null || !processingTime.isAfter(nextProcessing)) {
          break;
        }
      }
      if (!inBundle) {
        startBundle(inputWatermark, processingTime);
        settings.defer(false);
        ownBundle = true;
      }
      if (eventDue && (expiry == null || !nextEvent.isAfter(expiry.gcTime))) {
        fire(timers.removeNextDue(TimeDomain.EVENT_TIME, inputWatermark));
      } else if (expiry != null) {
        expire(expiry);
      } else {
        fire(timers.removeNextDue(TimeDomain.PROCESSING_TIME, processingTime));
      }
    }
    if (ownBundle) {
      finishBundle();
    } else if (inBundle) {
      settings.defer(true);
    }
  }

  /** The earliest time this runner holds its output watermark at, or null; see the class comment. */
  public Instant watermarkHold() {
    settings.push();
    Instant hold = timers.outputHold();
    if (signature.onWindowExpiration() != null) {
      Instant expiryHold = expiries.earliestMaxTimestamp();
      if (expiryHold != null && (hold == null || expiryHold.isBefore(hold))) {
        hold = expiryHold;
      }
    }
    return hold;
  }

  /** When the earliest pending processing-time timer is due (strictly after it), or null. */
  public Instant nextProcessingTimeTimer() {
    settings.push();
    return timers.nextFireTime(TimeDomain.PROCESSING_TIME);
  }

  /** Elements dropped because their window had expired when they arrived. */
  public long droppedDueToLateness() {
    return droppedDueToLateness;
  }

  /** How many key and window pairs are live (not yet expired). */
  public int liveWindows() {
    return expiries.size();
  }

  /** What user code ran last, such as {@code @OnTimer("flush") for key 'a' in window ...}. */
  public String currentCall() {
    return current == null ? currentWhat
        : currentWhat + " for key '" + current.key + "' in window " + current.window;
  }

  private void fire(TimerData timer) {
    LiveWindow<K> live = expiries.live(timer.key(), timer.namespace());
    TimerSettings.Setting setting = settingOf(live, timer);
    if (setting != null) {
      TimerSettings.fired(setting);
    }
    BoundedWindow window = live.window;
    Instant outputTime = timer.outputTime() != null ? timer.outputTime()
        : BoundedWindow.TIMESTAMP_MIN_VALUE;
    String what = timer.familyId().isEmpty() ? "@OnTimer(\"" + timer.timerId() + "\")"
        : "@OnTimerFamily(\"" + timer.familyId() + "\") timer '" + timer.timerId() + "'";
    enter(live, outputTime, timer, what);
    DoFnInvoker invoker = runner.invoker();
    runner.invokeAt(WindowedValue.of(null, outputTime, window, PaneInfo.NO_FIRING), window, () -> {
      if (timer.familyId().isEmpty()) {
        invoker.invokeOnTimer(timer.timerId(), fn, runner);
      } else {
        invoker.invokeOnTimerFamily(timer.familyId(), fn, runner);
      }
    });
  }

  private void expire(LiveWindow<K> expiry) {
    BoundedWindow window = expiry.window;
    if (signature.onWindowExpiration() != null) {
      enter(expiry, window.maxTimestamp(), null, "@OnWindowExpiration");
      runner.invokeAt(WindowedValue.of(null, window.maxTimestamp(), window, PaneInfo.NO_FIRING),
          window, () -> runner.invoker().invokeOnWindowExpiration(fn, runner));
    }
    // Timers set by the callback reach the service at once, so they go with the rest.
    cache.discard(expiry);
    cache.backend().setCurrentKey(expiry.stateKey());
    cache.backend().clearNamespace(expiry.namespace());
    timers.deleteAll(expiry.stateKey(), expiry.namespace());
    expiries.remove(expiry);
  }

  private void enter(LiveWindow<K> live, Instant timestamp, TimerData timer, String what) {
    current = live;
    currentTimestamp = timestamp;
    firing = timer;
    currentWhat = what;
  }

  /** Records a call outside any key and window. */
  private void leave(String what) {
    current = null;
    currentWhat = what;
  }

  private void moveClocks(Instant newInputWatermark, Instant newProcessingTime) {
    if (newInputWatermark.isAfter(inputWatermark)) {
      inputWatermark = newInputWatermark;
    }
    if (newProcessingTime.isAfter(processingTime)) {
      processingTime = newProcessingTime;
    }
  }

  // ---- KeyedContext ----

  @Override
  public State state(String id) {
    State state = states.get(id);
    if (state == null) {
      throw new IllegalArgumentException("DoFn " + fn.getClass().getName() + " declares no"
          + " @StateId(\"" + id + "\"); it declares " + states.keySet());
    }
    return state;
  }

  @Override
  public Timer timer(String id) {
    DeclaredTimer declared = declaredTimers.get(id);
    if (declared == null) {
      throw new IllegalArgumentException("DoFn " + fn.getClass().getName() + " declares no"
          + " @TimerId(\"" + id + "\"); it declares " + declaredTimers.keySet());
    }
    UserTimer timer = declared.timer();
    return timer.reset(current.timer(declared.index(), id, declaredTimers.size(), timer.domain()),
        relativeBase(timer.domain()), currentTimestamp);
  }

  @Override
  public TimerMap timerFamily(String id) {
    TimerSpec spec = familySpecs.get(id);
    if (spec == null) {
      throw new IllegalArgumentException("DoFn " + fn.getClass().getName() + " declares no"
          + " @TimerFamily(\"" + id + "\"); it declares " + familySpecs.keySet());
    }
    // One timer per name for the call, so builder settings made through get(name) stick.
    Map<String, Timer> byName = new HashMap<>();
    return new TimerMap() {
      @Override
      public void set(String timerId, Instant absoluteTime) {
        get(timerId).set(absoluteTime);
      }

      @Override
      public Timer get(String timerId) {
        return byName.computeIfAbsent(timerId, name ->
            new UserTimer(settings, spec.getTimeDomain(), fn.getAllowedTimestampSkew(),
                StatefulDoFnRunner.this::processingClockNow)
                .reset(current.familyTimer(id, name, spec.getTimeDomain()),
                    relativeBase(spec.getTimeDomain()),
                    currentTimestamp));
      }
    };
  }

  /**
   * Gives the processing clock, which a processing-time timer set relative reads at that moment
   * (in real time; a virtual clock need not be given).
   */
  public void setProcessingClock(java.util.function.Supplier<Instant> clock) {
    this.processingClock = clock;
  }

  private Instant processingClockNow() {
    return processingClock == null ? null : processingClock.get();
  }

  private Instant relativeBase(TimeDomain domain) {
    return domain == TimeDomain.EVENT_TIME ? currentTimestamp : processingTime;
  }

  @Override
  public String timerId() {
    return firing.timerId();
  }

  @Override
  public Object key() {
    return current == null ? null : current.key;
  }

  @Override
  public TimeDomain timeDomain() {
    return firing.domain();
  }

  @Override
  public DoFn<KV<K, V>, OutputT>.OnTimerContext onTimerContext() {
    return onTimerContext;
  }

  @Override
  public DoFn<KV<K, V>, OutputT>.OnWindowExpirationContext onWindowExpirationContext() {
    return onExpirationContext;
  }

  /** The firing timer of the current {@code @OnTimer} call. */
  TimerData firing() {
    return firing;
  }
}
