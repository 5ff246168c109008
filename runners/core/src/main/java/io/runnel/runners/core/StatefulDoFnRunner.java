package io.runnel.runners.core;

import io.runnel.runners.core.state.BundleStateCache;
import io.runnel.runners.core.state.CachedStateBinder;
import io.runnel.runners.core.state.StateBackend;
import io.runnel.runners.core.state.StateNamespace;
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
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.WindowingStrategy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
  private final Coder<K> keyCoder;
  @SuppressWarnings("rawtypes")
  private final Coder windowCoder;
  private final BundleStateCache cache;
  private final TimerService timers;
  private final WindowExpiries<K> expiries;
  private final Map<String, State> states = new HashMap<>();
  private final Map<String, TimerSpec> timerSpecs = new HashMap<>();
  private final Map<String, TimerSpec> familySpecs = new HashMap<>();
  private final DoFn<KV<K, V>, OutputT>.OnTimerContext onTimerContext;
  private final DoFn<KV<K, V>, OutputT>.OnWindowExpirationContext onExpirationContext;

  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private boolean inBundle;
  private long droppedDueToLateness;

  // The call in progress.
  private K currentKey;
  private StateNamespace currentNamespace;
  private BoundedWindow currentWindow;
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
    this.keyCoder = keyCoder;
    this.windowCoder = strategy.getWindowFn().windowCoder();
    this.cache = new BundleStateCache(backend);
    this.timers = timers;
    this.expiries = new WindowExpiries<>(strategy.getAllowedLateness());
    CachedStateBinder binder = new CachedStateBinder(cache, () -> currentNamespace);
    signature.stateDeclarations().forEach((id, declaration) ->
        states.put(id, declaration.spec(fn).bind(id, binder)));
    signature.timerDeclarations().forEach((id, d) -> timerSpecs.put(id, d.spec(fn)));
    signature.timerFamilyDeclarations().forEach((id, d) -> familySpecs.put(id, d.spec(fn)));
    recoverWindows(backend);
    this.onTimerContext = new KeyedContexts<>(fn, runner, this).onTimer();
    this.onExpirationContext = new KeyedContexts<>(fn, runner, this).onWindowExpiration();
  }

  /**
   * Registers the windows of state and timers already in the backend and timer service (restored
   * from snapshots), so they expire and are garbage-collected like the windows this runner saw.
   */
  @SuppressWarnings("unchecked")
  private void recoverWindows(StateBackend backend) {
    Consumer<StateNamespace> register = namespace -> expiries.register(
        namespace, namespace.decodeKey(keyCoder),
        namespace.decodeWindow((Coder<BoundedWindow>) windowCoder));
    backend.forEachNamespace(register);
    timers.forEach(timer -> register.accept(timer.namespace()));
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
  }

  /**
   * Processes one element in each of its windows, with the state and timers of its key there;
   * a window that has expired drops the element instead (see {@link #droppedDueToLateness()}).
   */
  public void processElement(WindowedValue<KV<K, V>> element) {
    K key = element.getValue().getKey();
    for (BoundedWindow window : element.getWindows()) {
      if (expiries.isExpired(window, inputWatermark)) {
        droppedDueToLateness++;
        continue;
      }
      @SuppressWarnings("unchecked")
      StateNamespace namespace = StateNamespace.of(keyCoder, key, windowCoder, window);
      expiries.register(namespace, key, window);
      enter(key, namespace, window, element.getTimestamp(), null, "@ProcessElement");
      runner.processInWindow(WindowedValue.of(element.getValue(), element.getTimestamp(), window,
          element.getPane()), window);
    }
  }

  /** Finishes the bundle and writes the state it changed back to the backend. */
  public void finishBundle() {
    leave("@FinishBundle");
    runner.finishBundle();
    cache.flush();
    inBundle = false;
  }

  /**
   * Moves the clocks (never back) and fires what became due, as the class comment describes,
   * inside a bundle of its own when anything is due and no bundle is open.
   */
  public void advanceTime(Instant newInputWatermark, Instant newProcessingTime) {
    moveClocks(newInputWatermark, newProcessingTime);
    boolean ownBundle = false;
    while (true) {
      Instant nextEvent = timers.nextFireTime(TimeDomain.EVENT_TIME);
      boolean eventDue = nextEvent != null && inputWatermark.isAfter(nextEvent);
      WindowExpiries.Expiry<K> expiry = expiries.nextDue(inputWatermark);
      if (!eventDue && expiry == null) {
        Instant nextProcessing = timers.nextFireTime(TimeDomain.PROCESSING_TIME);
        if (nextProcessing == null || !processingTime.isAfter(nextProcessing)) {
          break;
        }
      }
      if (!inBundle) {
        startBundle(inputWatermark, processingTime);
        ownBundle = true;
      }
      if (eventDue && (expiry == null || !nextEvent.isAfter(expiry.gcTime()))) {
        fire(timers.removeNextDue(TimeDomain.EVENT_TIME, inputWatermark));
      } else if (expiry != null) {
        expire(expiry);
      } else {
        fire(timers.removeNextDue(TimeDomain.PROCESSING_TIME, processingTime));
      }
    }
    if (ownBundle) {
      finishBundle();
    }
  }

  /** The earliest time this runner holds its output watermark at, or null; see the class comment. */
  public Instant watermarkHold() {
    Instant hold = timers.outputHold();
    if (signature.onWindowExpiration() != null) {
      Instant expiryHold = expiries.earliestMaxTimestamp();
      if (expiryHold != null && (hold == null || expiryHold.isBefore(hold))) {
        hold = expiryHold;
      }
    }
    return hold;
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
    return currentNamespace == null ? currentWhat
        : currentWhat + " for key '" + currentKey + "' in window " + currentWindow;
  }

  @SuppressWarnings("unchecked")
  private void fire(TimerData timer) {
    K key = timer.namespace().decodeKey(keyCoder);
    BoundedWindow window = timer.namespace().decodeWindow((Coder<BoundedWindow>) windowCoder);
    Instant outputTime = timer.outputTime() != null ? timer.outputTime()
        : BoundedWindow.TIMESTAMP_MIN_VALUE;
    String what = timer.familyId().isEmpty() ? "@OnTimer(\"" + timer.timerId() + "\")"
        : "@OnTimerFamily(\"" + timer.familyId() + "\") timer '" + timer.timerId() + "'";
    enter(key, timer.namespace(), window, outputTime, timer, what);
    DoFnInvoker invoker = runner.invoker();
    runner.invokeAt(WindowedValue.of(null, outputTime, window, PaneInfo.NO_FIRING), window, () -> {
      if (timer.familyId().isEmpty()) {
        invoker.invokeOnTimer(timer.timerId(), fn, runner);
      } else {
        invoker.invokeOnTimerFamily(timer.familyId(), fn, runner);
      }
    });
  }

  private void expire(WindowExpiries.Expiry<K> expiry) {
    BoundedWindow window = expiry.window();
    if (signature.onWindowExpiration() != null) {
      enter(expiry.key(), expiry.namespace(), window, window.maxTimestamp(), null,
          "@OnWindowExpiration");
      runner.invokeAt(WindowedValue.of(null, window.maxTimestamp(), window, PaneInfo.NO_FIRING),
          window, () -> runner.invoker().invokeOnWindowExpiration(fn, runner));
    }
    cache.flush();
    cache.backend().clear(expiry.namespace());
    timers.deleteAll(expiry.namespace());
    expiries.remove(expiry);
  }

  private void enter(K key, StateNamespace namespace, BoundedWindow window, Instant timestamp,
      TimerData timer, String what) {
    currentKey = key;
    currentNamespace = namespace;
    currentWindow = window;
    currentTimestamp = timestamp;
    firing = timer;
    currentWhat = what;
  }

  /** Records a call outside any key and window. */
  private void leave(String what) {
    currentNamespace = null;
    currentKey = null;
    currentWindow = null;
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
    TimerSpec spec = timerSpecs.get(id);
    if (spec == null) {
      throw new IllegalArgumentException("DoFn " + fn.getClass().getName() + " declares no"
          + " @TimerId(\"" + id + "\"); it declares " + timerSpecs.keySet());
    }
    return newTimer("", id, spec.getTimeDomain());
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
        return byName.computeIfAbsent(timerId, name -> newTimer(id, name, spec.getTimeDomain()));
      }
    };
  }

  private Timer newTimer(String familyId, String timerId, TimeDomain domain) {
    Instant base = domain == TimeDomain.EVENT_TIME ? currentTimestamp : processingTime;
    return new UserTimer(timers, currentNamespace, familyId, timerId, domain, base,
        currentTimestamp, expiries.gcTime(currentWindow), currentWindow,
        fn.getAllowedTimestampSkew());
  }

  @Override
  public String timerId() {
    return firing.timerId();
  }

  @Override
  public Object key() {
    return currentKey;
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
