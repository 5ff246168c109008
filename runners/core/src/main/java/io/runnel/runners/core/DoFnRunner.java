package io.runnel.runners.core;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.State;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnParameter;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one {@link DoFn} instance: its life-cycle methods and, per element, {@code
 * @ProcessElement} with parameters injected, sending outputs to an {@link OutputManager}. Owned
 * by one thread; reuses its contexts, so nothing is allocated per element but the outputs.
 *
 * <p>A {@link StatefulDoFnRunner} drives this runner for stateful functions, supplying the
 * state, timers and key of each call through a {@link KeyedContext}; without one, asking for
 * them fails.
 */
public final class DoFnRunner<InputT, OutputT> implements ArgumentProvider<InputT, OutputT> {
  private final DoFn<InputT, OutputT> fn;
  private final DoFnInvoker invoker;
  private final PipelineOptions options;
  private final OutputManager outputManager;
  private final SideInputReader sideInputReader;
  private final Map<String, PCollectionView<?>> sideInputs;
  private final TupleTag<OutputT> mainOutputTag;
  private final Set<TupleTag<?>> outputTags;
  private final boolean observesWindow;
  private final long allowedSkewMillis;
  private final DoFnContexts<InputT, OutputT> contexts;

  private List<BundleCallback> callbacks = new ArrayList<>();
  private final DoFn.BundleFinalizer finalizer = (expiry, callback) ->
      callbacks.add(new BundleCallback(java.util.Objects.requireNonNull(expiry, "callbackExpiry"),
          java.util.Objects.requireNonNull(callback, "callback")));
  private WindowedValue<InputT> current;
  private BoundedWindow currentWindow;
  /** The state, timers and key of the current call, for a stateful runner; else null. */
  private KeyedContext<InputT, OutputT> keyed;

  /**
   * @param outputTags every tag the function may output to, the main tag included
   * @param sideInputs the function's side inputs by id
   */
  public DoFnRunner(DoFn<InputT, OutputT> fn, PipelineOptions options, OutputManager outputManager,
      SideInputReader sideInputReader, Map<String, PCollectionView<?>> sideInputs,
      TupleTag<OutputT> mainOutputTag, Set<TupleTag<?>> outputTags) {
    this.fn = fn;
    this.invoker = DoFnInvoker.of(fn.getClass());
    this.options = options;
    this.outputManager = outputManager;
    this.sideInputReader = sideInputReader;
    this.sideInputs = sideInputs;
    this.mainOutputTag = mainOutputTag;
    this.outputTags = outputTags;
    var process = invoker.signature().processElement();
    this.observesWindow = process.uses(DoFnParameter.Kind.WINDOW)
        || process.uses(DoFnParameter.Kind.PROCESS_CONTEXT)
        || process.uses(DoFnParameter.Kind.SIDE_INPUT)
        || !sideInputs.isEmpty();
    Duration skew = fn.getAllowedTimestampSkew();
    this.allowedSkewMillis = skew.compareTo(Duration.ofDays(365L * 1_000_000)) > 0
        ? Long.MAX_VALUE : skew.toMillis();
    this.contexts = new DoFnContexts<>(this, fn);
  }

  public DoFn<InputT, OutputT> getFn() {
    return fn;
  }

  public void setup() {
    invoker.invokeSetup(fn, this);
  }

  public void startBundle() {
    // Callbacks of a bundle that failed before the runner took them never run.
    if (!callbacks.isEmpty()) {
      callbacks = new ArrayList<>();
    }
    invoker.invokeStartBundle(fn, this);
  }

  /** Processes one element, once per window if the function observes windows. */
  public void processElement(WindowedValue<InputT> element) {
    if (observesWindow && !element.isSingleWindow()) {
      for (BoundedWindow window : element.getWindows()) {
        processInWindow(WindowedValue.of(element.getValue(), element.getTimestamp(), window,
            element.getPane()), window);
      }
    } else {
      processInWindow(element, element.getWindows().iterator().next());
    }
  }

  /** Processes {@code element} in {@code window}, one of its windows. */
  void processInWindow(WindowedValue<InputT> element, BoundedWindow window) {
    invokeAt(element, window, () -> invoker.invokeProcessElement(fn, this));
  }

  /**
   * Runs {@code call} (an invocation of the function with this runner as its argument provider)
   * with {@code at} as the current element: outputs take its timestamp, window and pane. For a
   * timer callback {@code at} carries no value, only the output timestamp and window.
   */
  void invokeAt(WindowedValue<InputT> at, BoundedWindow window, Runnable call) {
    current = at;
    currentWindow = window;
    try {
      call.run();
    } finally {
      current = null;
      currentWindow = null;
    }
  }

  /** Makes state, timers and the key available to the function's methods (stateful runners). */
  void setKeyedContext(KeyedContext<InputT, OutputT> context) {
    this.keyed = context;
  }

  DoFnInvoker invoker() {
    return invoker;
  }

  public void finishBundle() {
    invoker.invokeFinishBundle(fn, this);
  }

  /**
   * The callbacks the function registered through its {@link DoFn.BundleFinalizer} since the
   * last call, to run once the bundle is committed; the runner takes them when the bundle ends.
   */
  public List<BundleCallback> takeBundleCallbacks() {
    if (callbacks.isEmpty()) {
      return List.of();
    }
    List<BundleCallback> taken = callbacks;
    callbacks = new ArrayList<>();
    return taken;
  }

  @Override
  public DoFn.BundleFinalizer bundleFinalizer() {
    return finalizer;
  }

  public void teardown() {
    invoker.invokeTeardown(fn, this);
  }

  /** The element being processed, or null between elements. */
  public WindowedValue<InputT> currentElement() {
    return current;
  }

  // ---- outputs, used by the contexts and receivers ----

  <T> void outputWithTimestamp(TupleTag<T> tag, T value, Instant timestamp) {
    WindowedValue<InputT> element = requireElement("output");
    checkTimestamp(timestamp, element);
    checkTag(tag);
    outputManager.output(tag, WindowedValue.of(value, timestamp, element.getWindows(), element.getPane()));
  }

  <T> void output(TupleTag<T> tag, T value) {
    WindowedValue<InputT> element = requireElement("output");
    checkTag(tag);
    outputManager.output(tag, element.withValue(value));
  }

  <T> void outputWindowed(TupleTag<T> tag, T value, Instant timestamp, BoundedWindow window) {
    checkTag(tag);
    outputManager.output(tag, WindowedValue.of(value, timestamp, window, PaneInfo.NO_FIRING));
  }

  TupleTag<OutputT> mainOutputTag() {
    return mainOutputTag;
  }

  private WindowedValue<InputT> requireElement(String what) {
    if (current == null) {
      throw new IllegalStateException(what + " outside of @ProcessElement: in @StartBundle or"
          + " @FinishBundle use FinishBundleContext.output(value, timestamp, window)");
    }
    return current;
  }

  private void checkTag(TupleTag<?> tag) {
    if (!outputTags.contains(tag)) {
      throw new IllegalArgumentException("Output to unknown tag " + tag + "; declare it with"
          + " ParDo.of(fn).withOutputTags(mainTag, TupleTagList.of(tag)). Declared: " + outputTags);
    }
  }

  private void checkTimestamp(Instant timestamp, WindowedValue<InputT> element) {
    if (allowedSkewMillis == Long.MAX_VALUE) {
      return;
    }
    Instant earliest = element.getTimestamp().minusMillis(allowedSkewMillis);
    if (timestamp.isBefore(earliest)) {
      throw new IllegalArgumentException("Cannot output with timestamp " + timestamp
          + ": output timestamps must be no earlier than the input's timestamp ("
          + BoundedWindow.formatTimestamp(element.getTimestamp()) + ") minus the allowed skew ("
          + Duration.ofMillis(allowedSkewMillis) + "). Override DoFn.getAllowedTimestampSkew() or"
          + " use WithTimestamps.withAllowedTimestampSkew to allow it.");
    }
  }

  // ---- ArgumentProvider ----

  @Override
  public InputT element() {
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

  @Override
  public PaneInfo paneInfo() {
    return current.getPane();
  }

  @Override
  public DoFn.OutputReceiver<OutputT> outputReceiver() {
    return contexts.mainReceiver();
  }

  @Override
  public DoFn.MultiOutputReceiver multiOutputReceiver() {
    return contexts.multiReceiver();
  }

  @Override
  public DoFn<InputT, OutputT>.ProcessContext processContext() {
    return contexts.processContext();
  }

  @Override
  public DoFn<InputT, OutputT>.StartBundleContext startBundleContext() {
    return contexts.startBundleContext();
  }

  @Override
  public DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext() {
    return contexts.finishBundleContext();
  }

  @Override
  public PipelineOptions pipelineOptions() {
    return options;
  }

  @Override
  public State state(String id) {
    return keyed == null ? ArgumentProvider.super.state(id) : keyed.state(id);
  }

  @Override
  public Timer timer(String id) {
    return keyed == null ? ArgumentProvider.super.timer(id) : keyed.timer(id);
  }

  @Override
  public TimerMap timerFamily(String id) {
    return keyed == null ? ArgumentProvider.super.timerFamily(id) : keyed.timerFamily(id);
  }

  @Override
  public String timerId() {
    return keyed == null ? ArgumentProvider.super.timerId() : keyed.timerId();
  }

  @Override
  public Object key() {
    return keyed == null ? ArgumentProvider.super.key() : keyed.key();
  }

  @Override
  public TimeDomain timeDomain() {
    return keyed == null ? ArgumentProvider.super.timeDomain() : keyed.timeDomain();
  }

  @Override
  public DoFn<InputT, OutputT>.OnTimerContext onTimerContext() {
    return keyed == null ? ArgumentProvider.super.onTimerContext() : keyed.onTimerContext();
  }

  @Override
  public DoFn<InputT, OutputT>.OnWindowExpirationContext onWindowExpirationContext() {
    return keyed == null ? ArgumentProvider.super.onWindowExpirationContext()
        : keyed.onWindowExpirationContext();
  }

  @Override
  public Object sideInput(String id) {
    PCollectionView<?> view = sideInputs.get(id);
    if (view == null) {
      throw new IllegalArgumentException("No side input with id '" + id + "'; known: " + sideInputs.keySet());
    }
    return sideInputReader.get(view, currentWindow);
  }

  <T> T sideInput(PCollectionView<T> view) {
    if (!sideInputs.containsValue(view)) {
      throw new IllegalArgumentException(view + " is not a side input of this ParDo; add it with"
          + " .withSideInputs(view)");
    }
    return sideInputReader.get(view, currentWindow);
  }
}
