package io.runnel.runners.core.execution;

import io.runnel.runners.core.OutputManager;
import io.runnel.runners.core.SideInputReader;
import io.runnel.runners.core.StatefulDoFnRunner;
import io.runnel.runners.core.UserCodeException;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.MetricUpdates;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.runners.core.metrics.MetricsContainerStepMap;
import io.runnel.runners.core.state.InMemoryStateBackend;
import io.runnel.runners.core.state.InMemoryTimerService;
import io.runnel.runners.core.state.StateBackend;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.MetricsContainer;
import io.runnel.sdk.metrics.MetricsEnvironment;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A stateful ParDo as a stage root, over the shared {@link StatefulDoFnRunner}, which one thread
 * at a time drives in bundle order: the bundle at the head of its stage run (see {@link
 * BundleTicket}) passes its elements to the runner as they come, on its own thread; other
 * bundles buffer them (a bounded number, then their worker waits for its turn) and the runner
 * takes them at the bundle's commit, on the coordinator thread, as it does elements that waited
 * for side inputs. Time moves fire its timers on the coordinator. Outputs are queued for the
 * stage as {@link TaggedOutput}s at each commit, which the stage's chain routes to each output's
 * consumers. The stage's output watermark is held at the runner's timer holds.
 *
 * <p>Also reports, per transform, distributions {@link #LIVE_STATE_CELLS} and {@link
 * #LIVE_WINDOWS} sampled after every firing, so tests can see state stay bounded, and the
 * counter {@link #DROPPED_DUE_TO_LATENESS}, so late data is never lost silently.
 */
final class StatefulParDoSink extends RootSink<StatefulParDoSink.Local> implements OutputManager {
  /**
   * What one bundle of the input stage brought: its elements, buffered until the bundle commits;
   * or nothing, when they went straight through the stateful function as they came (see {@link
   * #add}).
   */
  static final class Local {
    final BundleTicket ticket;
    List<WindowedValue<?>> buffered = new ArrayList<>();
    /** Whether this bundle passes its elements straight to the function. */
    boolean streaming;

    Local(BundleTicket ticket) {
      this.ticket = ticket;
    }
  }

  /** Non-empty state cells in the backend, sampled as time moves. */
  static final MetricName LIVE_STATE_CELLS = MetricName.named(ParDo.class, "liveStateCells");
  /** Live key and window pairs, sampled as time moves. */
  static final MetricName LIVE_WINDOWS = MetricName.named(ParDo.class, "liveStateWindows");
  /** Elements dropped because their window had expired when they arrived. */
  static final MetricName DROPPED_DUE_TO_LATENESS =
      MetricName.named(ParDo.class, "droppedDueToLateness");

  private final Step.ParDoStep step;
  private final StateBackend backend = new InMemoryStateBackend();
  private final StatefulDoFnRunner<Object, Object, Object> runner;
  private final TransformChecks checks;
  private final Predicate<WindowedValue<?>> sideInputsReady;
  private final MetricsAggregator aggregator;
  private final MetricsContainerStepMap metrics = new MetricsContainerStepMap();
  private final MetricsContainer container;
  private final boolean noSideInputs;
  private List<WindowedValue<?>> waiting = new ArrayList<>();
  private List<WindowedValue<?>> emitted = new ArrayList<>();
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private boolean setUp;
  private long reportedDropped;

  @SuppressWarnings("unchecked")
  StatefulParDoSink(Step.ParDoStep step, PipelineOptions options, SideInputReader sideInputs,
      Predicate<WindowedValue<?>> sideInputsReady, TransformChecks.Factory checks,
      MetricsAggregator aggregator) {
    this.step = step;
    this.checks = checks.forTransform(step.name(), step.input().getCoder(), step.outputs());
    this.sideInputsReady = sideInputsReady;
    this.aggregator = aggregator;
    this.container = metrics.getContainer(step.name());
    this.noSideInputs = step.transform().getSideInputs().isEmpty();
    DoFn<KV<Object, Object>, Object> fn = (DoFn<KV<Object, Object>, Object>)
        JavaSerialization.clone(step.transform().getFn(), "DoFn of " + step.name());
    KvCoder<Object, Object> kvCoder = (KvCoder<Object, Object>) step.input().getCoder();
    this.runner = new StatefulDoFnRunner<>(fn, options, this, sideInputs,
        step.transform().getSideInputs(), (TupleTag<Object>) step.transform().getMainOutputTag(),
        step.outputs().keySet(), kvCoder.getKeyCoder(), step.input().getWindowingStrategy(),
        backend, new InMemoryTimerService());
  }

  @Override
  Supplier<Local> localFactory() {
    return () -> new Local(BundleTicket.INLINE);
  }

  @Override
  Local newLocal(Supplier<Local> factory, BundleTicket ticket) {
    return new Local(ticket);
  }

  /**
   * Buffers the element for the bundle's commit; or, once the bundle is the head of its stage
   * run (see {@link BundleTicket}; always, for bundles run inline) and when no element waits for
   * side inputs, passes it straight to the function, after the ones buffered so far. The head's
   * commit is the next one, so the function sees the same elements in the same order with the
   * same clocks as at that commit, without a whole bundle of elements (often millions) held in
   * memory first. Between the head's first element and its commit, nobody else touches the
   * function: the coordinator waits for the head, and later bundles buffer.
   */
  @Override
  void add(Local local, WindowedValue<?> value) {
    if (!local.streaming) {
      if (!noSideInputs) {
        local.buffered.add(value);
        return;
      }
      if (!local.ticket.isHead()) {
        if (local.buffered.size() < MAX_BUFFERED_BEFORE_HEAD) {
          local.buffered.add(value);
          return;
        }
        // The function is the slower side: wait for this bundle's turn instead of buffering.
        local.ticket.awaitHead();
      }
      if (!waiting.isEmpty()) {
        local.buffered.add(value);
        return;
      }
      startStreaming(local);
    }
    processElement(value);
  }

  /**
   * Elements a bundle buffers while earlier bundles have not committed, before its worker waits
   * for them: enough to keep the workers busy, few enough that buffered elements do not crowd
   * the heap (a bundle of 1M elements buffered whole cost more in garbage collection than the
   * function itself).
   */
  private static final int MAX_BUFFERED_BEFORE_HEAD = 1 << 14;

  private void startStreaming(Local local) {
    ensureSetUp();
    Instant watermark = runnerWatermark();
    call("in @StartBundle", null, () -> runner.startBundle(watermark, processingTime));
    local.streaming = true;
    List<WindowedValue<?>> buffered = local.buffered;
    local.buffered = null;
    for (int i = 0; i < buffered.size(); i++) {
      processElement(buffered.get(i));
      buffered.set(i, null);
    }
  }

  @Override
  void commit(Local local) {
    try {
      if (local.streaming) {
        call("in @FinishBundle", null, runner::finishBundle);
      } else if (waiting.isEmpty()) {
        waiting = local.buffered;
      } else {
        waiting.addAll(local.buffered);
      }
      processReady();
    } catch (RuntimeException | Error e) {
      reportMetrics(false);
      throw e;
    }
    reportMetrics(true);
    flush();
  }

  @Override
  void advance(Instant newInputWatermark, Instant newProcessingTime) {
    if (newInputWatermark.isAfter(inputWatermark)) {
      inputWatermark = newInputWatermark;
    }
    if (newProcessingTime.isAfter(processingTime)) {
      processingTime = newProcessingTime;
    }
    try {
      processReady();
      call("firing timers", null, () -> runner.advanceTime(runnerWatermark(), processingTime));
    } catch (RuntimeException | Error e) {
      reportMetrics(false);
      throw e;
    }
    container.getDistribution(LIVE_STATE_CELLS).update(backend.liveCells());
    container.getDistribution(LIVE_WINDOWS).update(runner.liveWindows());
    reportMetrics(true);
    flush();
  }

  @Override
  Instant hold() {
    Instant hold = runner.watermarkHold();
    for (WindowedValue<?> value : waiting) {
      if (hold == null || value.getTimestamp().isBefore(hold)) {
        hold = value.getTimestamp();
      }
    }
    return hold;
  }

  /** Calls {@code @Teardown} if {@code @Setup} ran; returns the failure, if any. */
  RuntimeException teardown() {
    if (!setUp) {
      return null;
    }
    setUp = false;
    try {
      call("in @Teardown of its DoFn", null, runner::teardown);
      return null;
    } catch (TransformFailure e) {
      return e;
    } finally {
      reportMetrics(true);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
    checks.onOutput(tag, output.getValue());
    emitted.add(output.withValue(new TaggedOutput(tag, output.getValue())));
  }

  private void processReady() {
    if (waiting.isEmpty()) {
      return;
    }
    Instant watermark = runnerWatermark();
    List<WindowedValue<?>> ready;
    if (noSideInputs) {
      ready = waiting;
      waiting = new ArrayList<>();
    } else {
      ready = new ArrayList<>();
      List<WindowedValue<?>> still = new ArrayList<>();
      for (WindowedValue<?> value : waiting) {
        (sideInputsReady.test(value) ? ready : still).add(value);
      }
      waiting = still;
      if (ready.isEmpty()) {
        return;
      }
    }
    ensureSetUp();
    call("in @StartBundle", null, () -> runner.startBundle(watermark, processingTime));
    for (int i = 0; i < ready.size(); i++) {
      processElement(ready.get(i));
      // Let go of each element once processed, so that a bundle of millions does not all
      // survive the garbage collections that run while it is processed.
      ready.set(i, null);
    }
    call("in @FinishBundle", null, runner::finishBundle);
  }

  /**
   * The input watermark as the runner sees it: held at the earliest element still waiting for
   * side inputs, so that its window neither expires nor drops it while it waits.
   */
  private Instant runnerWatermark() {
    Instant watermark = inputWatermark;
    for (WindowedValue<?> value : waiting) {
      if (value.getTimestamp().isBefore(watermark)) {
        watermark = value.getTimestamp();
      }
    }
    return watermark;
  }

  @SuppressWarnings("unchecked")
  private void processElement(WindowedValue<?> value) {
    WindowedValue<KV<Object, Object>> element = (WindowedValue<KV<Object, Object>>) value;
    Object token = checks.beforeInput(element.getValue());
    call("processing", element.getValue(), () -> runner.processElement(element));
    checks.afterInput(element.getValue(), token);
  }

  private void ensureSetUp() {
    if (!setUp) {
      call("in @Setup of its DoFn", null, runner::setup);
      setUp = true;
    }
  }

  /** Runs user code with this transform's metrics, naming the transform and call on failure. */
  private void call(String what, Object element, Runnable body) {
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(container);
    try {
      body.run();
    } catch (UserCodeException e) {
      if (e.getCause() instanceof TransformFailure failure) {
        throw failure;
      }
      String detail = element != null ? what : what + " (" + runner.currentCall() + ")";
      throw new TransformFailure(step.name(), detail, element, e.getCause());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TransformFailure(step.name(), what + " (" + runner.currentCall() + ")", element, e);
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
  }

  /**
   * Hands the metrics of the work just done to the run's aggregator: attempted, and committed
   * too when the work succeeded (its state changes are then committed as well).
   */
  private void reportMetrics(boolean committed) {
    long dropped = runner.droppedDueToLateness();
    if (dropped > reportedDropped) {
      container.getCounter(DROPPED_DUE_TO_LATENESS).inc(dropped - reportedDropped);
      reportedDropped = dropped;
    }
    MetricUpdates updates = metrics.drainUpdates();
    if (!updates.isEmpty()) {
      aggregator.recordAttempted(updates);
      if (committed) {
        aggregator.commit(updates);
      }
    }
  }

  private void flush() {
    checks.onFinishBundle();
    if (!emitted.isEmpty()) {
      List<WindowedValue<?>> outputs = emitted;
      emitted = new ArrayList<>();
      queue().enqueue(stage(), outputs, true);
    }
  }
}
