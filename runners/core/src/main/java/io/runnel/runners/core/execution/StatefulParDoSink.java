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
import io.runnel.runners.core.state.KeyGroups;
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
 * A stateful ParDo as a stage root, over the shared {@link StatefulDoFnRunner}: its keys are cut
 * into {@link KeyedShards}, each with its own runner, DoFn instance, state backend and timers
 * for its key-group range, and the runner's {@link ParallelTasks} run the shards in parallel.
 *
 * <p>Elements reach the shards in bundle order: the bundle at the head of its stage run (see
 * {@link BundleTicket}) sorts its elements by shard as they come, on its own thread, and hands
 * each round of them (a bounded number) to the shards at once; other bundles buffer theirs (a
 * bounded number, then their worker waits for its turn) and the shards take them at the
 * bundle's commit, on the coordinator thread, as they do elements that waited for side inputs.
 * Time moves fire every shard's timers. Outputs are queued for the stage as {@link
 * TaggedOutput}s at each commit, in shard order, which the stage's chain routes to each output's
 * consumers; so outputs do not depend on the threads. The stage's output watermark is held at
 * the shards' timer holds.
 *
 * <p>Also reports, per transform, distributions {@link #LIVE_STATE_CELLS} and {@link
 * #LIVE_WINDOWS} sampled after every firing, so tests can see state stay bounded, and the
 * counter {@link #DROPPED_DUE_TO_LATENESS}, so late data is never lost silently.
 */
final class StatefulParDoSink extends RootSink<StatefulParDoSink.Local> {
  /**
   * What one bundle of the input stage brought: its elements, buffered until the bundle commits;
   * or, once it streams (see {@link #add}), the current round of them by shard.
   */
  static final class Local {
    final BundleTicket ticket;
    List<WindowedValue<?>> buffered = new ArrayList<>();
    /** Whether this bundle passes its elements to the shards as they come. */
    boolean streaming;
    List<WindowedValue<?>>[] round;
    int roundSize;
    /** Hashes keys to their key groups on this bundle's thread. */
    final KeyGroups.Hasher hasher = new KeyGroups.Hasher();

    Local(BundleTicket ticket) {
      this.ticket = ticket;
    }
  }

  /** Non-empty state cells in the backends, sampled as time moves. */
  static final MetricName LIVE_STATE_CELLS = MetricName.named(ParDo.class, "liveStateCells");
  /** Live key and window pairs, sampled as time moves. */
  static final MetricName LIVE_WINDOWS = MetricName.named(ParDo.class, "liveStateWindows");
  /** Elements dropped because their window had expired when they arrived. */
  static final MetricName DROPPED_DUE_TO_LATENESS =
      MetricName.named(ParDo.class, "droppedDueToLateness");

  /**
   * Elements a bundle buffers while earlier bundles have not committed, before its worker waits
   * for them: enough to keep the workers busy, few enough that buffered elements do not crowd
   * the heap (a bundle of 1M elements buffered whole cost more in garbage collection than the
   * function itself).
   */
  private static final int MAX_BUFFERED_BEFORE_HEAD = 1 << 14;
  /**
   * Elements the head bundle gathers before handing them to the shards at once, when the shards
   * run on several threads: enough to make handing them to other threads worth it.
   */
  private static final int ROUND = 1 << 13;
  /**
   * The round with one thread: few enough elements that they are still in the CPU's cache when
   * their shard takes them, enough that each shard takes several in a row. (KeyedStateBenchmark,
   * one thread, checks off: rounds of 8192 took 7.6 s, of 256 6.7 s, of one element 8.0 s.)
   */
  private static final int SEQUENTIAL_ROUND = 1 << 8;

  /** One shard: its runner and DoFn instance, metrics, checks, and outputs since the last flush. */
  private final class Shard implements OutputManager {
    final int index;
    final InMemoryStateBackend backend;
    final InMemoryTimerService timers;
    final StatefulDoFnRunner<Object, Object, Object> runner;
    final TransformChecks checks;
    final MetricsContainerStepMap metrics = new MetricsContainerStepMap();
    final MetricsContainer container;
    List<WindowedValue<?>> emitted = new ArrayList<>();
    List<io.runnel.runners.core.BundleCallback> callbacks = new ArrayList<>();
    boolean setUp;
    boolean inBundle;
    long reportedDropped;

    /**
     * A shard over empty state, or over the state and timers of a snapshot ({@code state} and
     * {@code timerState} not null), which the runner picks up.
     */
    @SuppressWarnings("unchecked")
    Shard(int index, byte[] state, byte[] timerState) {
      this.index = index;
      DoFn<KV<Object, Object>, Object> fn = (DoFn<KV<Object, Object>, Object>)
          JavaSerialization.clone(step.transform().getFn(), "DoFn of " + step.name());
      KvCoder<Object, Object> kvCoder = (KvCoder<Object, Object>) step.input().getCoder();
      this.backend = new InMemoryStateBackend(shards.maxParallelism(), shards.range(index));
      this.timers = new InMemoryTimerService(shards.maxParallelism(), shards.range(index));
      if (state != null) {
        backend.restore(state);
        timers.restore(timerState);
      }
      this.runner = new StatefulDoFnRunner<>(fn, options, this, sideInputs,
          step.transform().getSideInputs(), (TupleTag<Object>) step.transform().getMainOutputTag(),
          step.outputs().keySet(), kvCoder.getKeyCoder(), step.input().getWindowingStrategy(),
          backend, timers);
      runner.setProcessingClock(clock::now);
      this.checks = checksFactory.forTransform(step.name(), step.input().getCoder(),
          step.outputs());
      this.container = metrics.getContainer(step.name());
    }

    @Override
    public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
      checks.onOutput(tag, output.getValue());
      emitted.add(output.withValue(new TaggedOutput(tag, output.getValue())));
    }

    void startBundle(Instant watermark) {
      if (!setUp) {
        call("in @Setup of its DoFn", null, runner::setup);
        setUp = true;
      }
      if (!inBundle) {
        call("in @StartBundle", null, () -> runner.startBundle(watermark, processingTime));
        inBundle = true;
      }
    }

    @SuppressWarnings("unchecked")
    void process(WindowedValue<?> value) {
      WindowedValue<KV<Object, Object>> element = (WindowedValue<KV<Object, Object>>) value;
      Object token = checks.beforeInput(element.getValue());
      call("processing", element.getValue(), () -> runner.processElement(element));
      checks.afterInput(element.getValue(), token);
    }

    void finishBundle() {
      if (inBundle) {
        inBundle = false;
        call("in @FinishBundle", null, runner::finishBundle);
        callbacks.addAll(runner.takeBundleCallbacks());
      }
      checks.onFinishBundle();
    }

    void advance(Instant watermark) {
      if (!setUp) {
        call("in @Setup of its DoFn", null, runner::setup);
        setUp = true;
      }
      call("firing timers", null, () -> runner.advanceTime(watermark, processingTime));
      callbacks.addAll(runner.takeBundleCallbacks());
      checks.onFinishBundle();
    }

    /** Runs user code with this shard's metrics, naming the transform and call on failure. */
    void call(String what, Object element, Runnable body) {
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
        throw new TransformFailure(step.name(), what + " (" + runner.currentCall() + ")",
            element, e);
      } finally {
        MetricsEnvironment.setCurrentContainer(previous);
      }
    }

    /** Hands this shard's metrics to the run's aggregator: attempted, and committed if asked. */
    void reportMetrics(boolean committed) {
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
  }

  private final Step.ParDoStep step;
  private final Clock clock;
  private final java.util.function.Consumer<Runnable> afterDurableCommit;
  private final PipelineOptions options;
  private final SideInputReader sideInputs;
  private final TransformChecks.Factory checksFactory;
  private final Predicate<WindowedValue<?>> sideInputsReady;
  private final MetricsAggregator aggregator;
  private final MetricsContainerStepMap samples = new MetricsContainerStepMap();
  private final Coder<Object> keyCoder;
  private final KeyedShards shards;
  private final ParallelTasks tasks;
  private final int round;
  private final Shard[] engines;
  private final boolean noSideInputs;
  private List<WindowedValue<?>> waiting = new ArrayList<>();
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;

  @SuppressWarnings("unchecked")
  StatefulParDoSink(Step.ParDoStep step, PipelineOptions options, SideInputReader sideInputs,
      Predicate<WindowedValue<?>> sideInputsReady, TransformChecks.Factory checks,
      MetricsAggregator aggregator, KeyedShards shards, ParallelTasks tasks,
      java.util.function.Consumer<Runnable> afterDurableCommit, Clock clock) {
    this.step = step;
    this.clock = clock;
    this.afterDurableCommit = afterDurableCommit;
    this.options = options;
    this.sideInputs = sideInputs;
    this.checksFactory = checks;
    this.sideInputsReady = sideInputsReady;
    this.aggregator = aggregator;
    this.shards = shards;
    this.tasks = tasks;
    this.round = tasks.parallelism() > 1 ? ROUND : SEQUENTIAL_ROUND;
    this.engines = new StatefulParDoSink.Shard[shards.count()];
    this.noSideInputs = step.transform().getSideInputs().isEmpty();
    this.keyCoder = ((KvCoder<Object, Object>) step.input().getCoder()).getKeyCoder();
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
   * side inputs, passes it on to its shard (in rounds), after the ones buffered so far. The
   * head's commit is the next one, so the shards see the same elements in the same order with
   * the same clocks as at that commit, without a whole bundle of elements (often millions) held
   * in memory first. Between the head's first element and its commit, nobody else touches the
   * shards: the coordinator waits for the head, and later bundles buffer.
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
    route(local, value);
  }

  @SuppressWarnings("unchecked")
  private void startStreaming(Local local) {
    local.streaming = true;
    local.round = new List[shards.count()];
    List<WindowedValue<?>> buffered = local.buffered;
    local.buffered = null;
    for (int i = 0; i < buffered.size(); i++) {
      route(local, buffered.get(i));
      buffered.set(i, null);
    }
  }

  private void route(Local local, WindowedValue<?> value) {
    int shard = shardOf(value, local.hasher);
    List<WindowedValue<?>> part = local.round[shard];
    if (part == null) {
      part = new ArrayList<>();
      local.round[shard] = part;
    }
    part.add(value);
    if (++local.roundSize >= round) {
      runRound(local);
    }
  }

  /** The head bundle's current round, processed by the shards in parallel, each in its bundle. */
  private void runRound(Local local) {
    catchUpWithClock();
    Instant watermark = runnerWatermark();
    List<Runnable> work = new ArrayList<>();
    for (int i = 0; i < local.round.length; i++) {
      List<WindowedValue<?>> part = local.round[i];
      if (part != null) {
        Shard shard = shard(i);
        work.add(() -> {
          shard.startBundle(watermark);
          for (int e = 0; e < part.size(); e++) {
            shard.process(part.get(e));
            part.set(e, null);
          }
        });
        local.round[i] = null;
      }
    }
    local.roundSize = 0;
    tasks.runAll(work);
  }

  @Override
  void commit(Local local) {
    try {
      if (local.streaming) {
        runRound(local);
        forEachShard(Shard::finishBundle);
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
      Instant watermark = runnerWatermark();
      forEachShard(shard -> shard.advance(watermark));
    } catch (RuntimeException | Error e) {
      reportMetrics(false);
      throw e;
    }
    long cells = 0;
    long windows = 0;
    for (Shard shard : engines) {
      if (shard != null) {
        cells += shard.backend.liveCells();
        windows += shard.runner.liveWindows();
      }
    }
    MetricsContainer container = samples.getContainer(step.name());
    container.getDistribution(LIVE_STATE_CELLS).update(cells);
    container.getDistribution(LIVE_WINDOWS).update(windows);
    reportMetrics(true);
    flush();
  }

  @Override
  Instant hold() {
    Instant hold = null;
    for (Shard shard : engines) {
      Instant shardHold = shard == null ? null : shard.runner.watermarkHold();
      if (shardHold != null && (hold == null || shardHold.isBefore(hold))) {
        hold = shardHold;
      }
    }
    for (WindowedValue<?> value : waiting) {
      if (hold == null || value.getTimestamp().isBefore(hold)) {
        hold = value.getTimestamp();
      }
    }
    return hold;
  }

  @Override
  Instant nextProcessingTimeTimer() {
    Instant next = null;
    for (Shard shard : engines) {
      Instant due = shard == null ? null : shard.runner.nextProcessingTimeTimer();
      if (due != null && (next == null || due.isBefore(next))) {
        next = due;
      }
    }
    return next;
  }

  /** Calls {@code @Teardown} on every shard set up; returns the first failure, if any. */
  RuntimeException teardown() {
    RuntimeException failure = null;
    for (Shard shard : engines) {
      if (shard == null || !shard.setUp) {
        continue;
      }
      shard.setUp = false;
      try {
        shard.call("in @Teardown of its DoFn", null, shard.runner::teardown);
      } catch (TransformFailure e) {
        failure = failure == null ? e : failure;
      } finally {
        shard.reportMetrics(true);
      }
    }
    return failure;
  }

  /**
   * Moves processing time to the clock's: in real time elements are processed now, so a
   * relative processing-time timer counts from here (on a virtual clock this changes nothing).
   */
  private void catchUpWithClock() {
    Instant now = clock.now();
    if (now.isAfter(processingTime)) {
      processingTime = now;
    }
  }

  /** Elements waiting for side inputs whose side inputs are now ready, through their shards. */
  @SuppressWarnings("unchecked")
  private void processReady() {
    if (waiting.isEmpty()) {
      return;
    }
    catchUpWithClock();
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
    List<WindowedValue<?>>[] byShard = new List[shards.count()];
    KeyGroups.Hasher hasher = new KeyGroups.Hasher();
    for (int i = 0; i < ready.size(); i++) {
      WindowedValue<?> value = ready.get(i);
      int shard = shardOf(value, hasher);
      if (byShard[shard] == null) {
        byShard[shard] = new ArrayList<>();
      }
      byShard[shard].add(value);
      // Let go of each element once placed, so that a bundle of millions does not all survive
      // the garbage collections that run while it is processed.
      ready.set(i, null);
    }
    List<Runnable> work = new ArrayList<>();
    for (int i = 0; i < byShard.length; i++) {
      List<WindowedValue<?>> part = byShard[i];
      if (part != null) {
        Shard shard = shard(i);
        work.add(() -> {
          shard.startBundle(watermark);
          for (int e = 0; e < part.size(); e++) {
            shard.process(part.get(e));
            part.set(e, null);
          }
          shard.finishBundle();
        });
      }
    }
    tasks.runAll(work);
  }

  /**
   * The input watermark as the shards see it: held at the earliest element still waiting for
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
  private int shardOf(WindowedValue<?> value, KeyGroups.Hasher hasher) {
    Object key = ((KV<Object, Object>) value.getValue()).getKey();
    try {
      return shards.shardOf(keyCoder, key, hasher);
    } catch (IllegalArgumentException e) {
      throw new TransformFailure(step.name(), "routing to its key's state (key coder "
          + keyCoder + ")", value.getValue(), e);
    }
  }

  private Shard shard(int index) {
    if (engines[index] == null) {
      engines[index] = new Shard(index, null, null);
    }
    return engines[index];
  }

  @Override
  byte[] snapshotState() {
    SnapshotStreams.Out out = new SnapshotStreams.Out().writeInstant(inputWatermark)
        .writeInstant(processingTime).writeValues(StageCoders.of(step.input()), waiting)
        .writeInt(engines.length);
    for (Shard shard : engines) {
      out.writeBoolean(shard != null);
      if (shard != null) {
        out.writeBytes(shard.backend.snapshot(shards.range(shard.index)))
            .writeBytes(shard.timers.snapshot(shards.range(shard.index)))
            .writeLong(shard.runner.droppedDueToLateness() - shard.reportedDropped);
      }
    }
    return out.toByteArray();
  }

  @Override
  void restoreState(byte[] state) {
    SnapshotStreams.In in = new SnapshotStreams.In(state);
    inputWatermark = in.readInstant();
    processingTime = in.readInstant();
    waiting = new ArrayList<>(in.readValues(StageCoders.of(step.input())));
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      if (in.readBoolean()) {
        engines[i] = new Shard(i, in.readBytes(), in.readBytes());
        if (in.readLong() != 0) {
          throw new IllegalStateException(step.name() + ": a snapshot was taken with dropped"
              + " elements not yet counted");
        }
      }
    }
  }

  /** Runs {@code action} on every shard that exists, in parallel. */
  private void forEachShard(java.util.function.Consumer<Shard> action) {
    List<Runnable> work = new ArrayList<>();
    for (Shard shard : engines) {
      if (shard != null) {
        work.add(() -> action.accept(shard));
      }
    }
    tasks.runAll(work);
  }

  /**
   * Hands the metrics of the work just done to the run's aggregator: attempted, and committed
   * too when the work succeeded (its state changes are then committed as well).
   */
  private void reportMetrics(boolean committed) {
    for (Shard shard : engines) {
      if (shard != null) {
        shard.reportMetrics(committed);
      }
    }
    MetricUpdates updates = samples.drainUpdates();
    if (!updates.isEmpty()) {
      aggregator.recordAttempted(updates);
      if (committed) {
        aggregator.commit(updates);
      }
    }
  }

  private void flush() {
    List<WindowedValue<?>> outputs = new ArrayList<>();
    for (Shard shard : engines) {
      if (shard != null && !shard.emitted.isEmpty()) {
        outputs.addAll(shard.emitted);
        shard.emitted = new ArrayList<>();
      }
    }
    if (!outputs.isEmpty()) {
      queue().enqueue(stage(), outputs, true);
    }
    // The bundles are committed: their finalization callbacks may run.
    for (Shard shard : engines) {
      if (shard != null && !shard.callbacks.isEmpty()) {
        List<io.runnel.runners.core.BundleCallback> due = shard.callbacks;
        shard.callbacks = new ArrayList<>();
        MetricsContainer container = shard.container;
        afterDurableCommit.accept(() -> ParDoExecutor.runCallbacks(step.name(), container, due));
      }
    }
  }
}
