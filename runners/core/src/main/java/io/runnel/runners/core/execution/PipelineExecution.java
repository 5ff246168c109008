package io.runnel.runners.core.execution;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.AggregatedMetricResults;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.runners.core.state.KeyGroups;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine of one pipeline run, as every runner embeds it: the pipeline planned into stages
 * (a root and the element-wise steps fused behind it), the input side of every stage root
 * (groupings, combines, stateful ParDos, flattens, side-input pushback and views), watermark
 * propagation, scripted sources and the run's metrics. A runner adds scheduling: it takes the
 * work the engine queues ({@link WorkQueue}), runs bundles through {@link ChainInstance}s (on
 * any threads, one bundle per chain at a time) and applies their commits in bundle order; when
 * no work is queued it calls {@link #advanceWatermarks()}, then {@link #replayNextEvent()}.
 *
 * <p>Watermarks move only between runs of work, so no element is ever behind a watermark that
 * already passed it. A pipeline that reads an unbounded source runs in real time ({@link
 * #isRealTime()}): processing time is the wall clock ({@link #advanceProcessingTime()}), and the
 * runner polls the sources ({@link #pollSources()}) until they end. Otherwise processing time
 * is virtual: it starts at {@link BoundedWindow#TIMESTAMP_MIN_VALUE} and moves only with a
 * script. Everything but the chains' {@link ChainInstance#process} runs on the runner's
 * coordinating thread.
 */
public final class PipelineExecution {
  private final Pipeline pipeline;
  private final Settings settings;
  private final ExecutionPlan plan;
  private final StageGraph graph;
  private final WorkQueue queue;
  private final List<ParDoExecutor> executors = new ArrayList<>();
  private final List<ScriptSource> scripts = new ArrayList<>();
  private final List<SourceRoot> sources = new ArrayList<>();
  private final List<Runnable> afterDurableCommit = new ArrayList<>();
  private final Clock clock;
  private final boolean realTime;
  private final MetricsAggregator metrics;
  private final PipelineOptions options;
  private final TransformChecks.Factory checks;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;

  /**
   * What a runner chooses about a run.
   *
   * @param order keeps or permutes what the model leaves unordered (see {@link GroupOrder})
   * @param checks the runner's checks on elements, or {@link TransformChecks.Factory#NONE}
   * @param tasks how the runner runs the shards of keyed inputs (in parallel, or not)
   * @param reading how the runner reads sources: bundle limits, idle timeout, splits
   * @param snapshots whether the runner will {@link #snapshot} the engine: then every grouping
   *     and combine keeps its state in the keyed engine (none takes the batch path, which keeps
   *     it on the heap), and a combine whose accumulator coder is unknown runs unlifted
   * @param portable whether every element crossing a stage boundary passes through bytes, with
   *     the windowed-value coder of its collection, as it will to a remote worker
   * @param keyedShards how many key-group shards each keyed input (stateful ParDo, triggered or
   *     unbounded grouping) is cut into, each with its own engine and DoFn instance: at most
   *     that many of {@code tasks} run one keyed input at once; outputs depend on this number,
   *     not on the threads. Between 1 and {@link KeyGroups#DEFAULT_MAX_PARALLELISM}.
   */
  public record Settings(GroupOrder order, TransformChecks.Factory checks, ParallelTasks tasks,
      SourceReading reading, boolean snapshots, boolean portable, int keyedShards) {}

  /**
   * The shards of a keyed input when the runner has no reason to choose: enough for the threads
   * of a small machine, few enough that each shard's per-key records stay dense in memory (see
   * benchmarks/README.md, "Engine redesign").
   */
  public static final int DEFAULT_KEYED_SHARDS = 4;

  /**
   * @param queue where the engine puts work for the runner
   */
  public PipelineExecution(Pipeline pipeline, PipelineOptions options, Settings settings,
      WorkQueue queue) {
    this(pipeline, options, settings, queue, new MetricsAggregator());
  }

  private PipelineExecution(Pipeline pipeline, PipelineOptions options, Settings settings,
      WorkQueue queue, MetricsAggregator metrics) {
    this.pipeline = pipeline;
    this.settings = settings;
    this.options = options;
    this.checks = settings.checks();
    this.queue = queue;
    this.metrics = metrics;
    this.plan = ExecutionPlan.of(pipeline, settings.snapshots());
    boolean scripted = plan.steps().stream().anyMatch(step -> step instanceof Step.ScriptStep);
    boolean unboundedReads = plan.steps().stream()
        .anyMatch(step -> step instanceof Step.ReadStep read && read.isUnbounded());
    this.realTime = !scripted && unboundedReads;
    this.clock = realTime ? Clock.system() : Clock.virtual();
    KeyedShards shards = new KeyedShards(KeyGroups.DEFAULT_MAX_PARALLELISM,
        settings.keyedShards());
    ParallelTasks tasks = settings.tasks();
    this.graph = new StageGraph(plan, settings.order(), queue, metrics, shards, tasks,
        settings.snapshots(), clock, (graph, parDo) ->
        new StatefulParDoSink(parDo, options, graph.sideInputs(),
            element -> graph.sideInputsReady(parDo, element), checks, metrics, shards, tasks,
            afterDurableCommit::add, clock));
    SourceReading reading = settings.reading();
    for (Stage stage : graph.stages()) {
      if (stage.root() instanceof Step.ScriptStep script) {
        scripts.add(new ScriptSource(stage, script));
      } else if (stage.root() instanceof Step.ReadStep read) {
        sources.add(new SourceRoot(stage, read, options, new SourceRoot.ReadLimits(
            reading.bundleSize(), reading.bundleTime(), reading.idleTimeout(),
            reading.unboundedSplits())));
      }
    }
  }

  /**
   * How a runner reads sources.
   *
   * @param bundleSize the most elements one bundle of an unbounded source's split reads
   * @param bundleTime the longest one bundle of an unbounded source's split reads
   * @param idleTimeout after how long without data a split stops holding the source's
   *     watermark back; null for never
   * @param unboundedSplits how many splits to ask an unbounded source for
   */
  public record SourceReading(int bundleSize, java.time.Duration bundleTime,
      java.time.Duration idleTimeout, int unboundedSplits) {}

  /**
   * Whether the pipeline runs in real time: it reads an unbounded source (and has no scripted
   * source), so processing time is the wall clock and the run lasts until its sources end or it
   * is cancelled. Otherwise processing time is virtual and moves only with a script.
   */
  public boolean isRealTime() {
    return realTime;
  }

  /** The stages, in topological order. */
  public List<Stage> stages() {
    return graph.stages();
  }

  /**
   * A factory of chain instances for {@code stage}: each processes one bundle at a time and
   * keeps its own set-up DoFn instances for the whole run.
   */
  public Supplier<ChainInstance> chains(Stage stage) {
    return () -> {
      synchronized (executors) {
        return new ChainInstance(stage.root(), plan, graph.sinks(), options, graph.sideInputs(),
            checks, executors, metrics, afterDurableCommit::add, settings.portable());
      }
    };
  }

  /** The metrics of this run, live: attempted and committed values per step. */
  public MetricResults metrics() {
    return AggregatedMetricResults.of(metrics);
  }

  /** Queues the impulse of every impulse root and the splits of every bounded source. */
  public void start() {
    for (Stage stage : graph.stages()) {
      if (stage.root() instanceof Step.ImpulseStep) {
        List<WindowedValue<?>> impulse = new ArrayList<>(1);
        impulse.add(WindowedValue.valueInGlobalWindow(new byte[0]));
        queue.enqueue(stage, impulse, false);
      }
    }
    for (SourceRoot source : sources) {
      source.start(queue);
    }
  }

  /**
   * Queues a bundle for every split of an unbounded source that is due for one (its last bundle
   * committed, and its pause after an empty read over). Returns whether any was queued.
   */
  public boolean pollSources() {
    boolean queued = false;
    Instant now = Instant.now();
    for (SourceRoot source : sources) {
      queued |= source.poll(queue, now);
    }
    return queued;
  }

  /** Whether every source, scripted or read, has ended. */
  public boolean sourcesFinished() {
    for (SourceRoot source : sources) {
      if (!source.isFinished()) {
        return false;
      }
    }
    for (ScriptSource script : scripts) {
      if (!script.finished()) {
        return false;
      }
    }
    return true;
  }

  /**
   * In real time, the wall-clock instant by which the runner should look again even if no work
   * comes: the earliest of the next processing-time timer and the next source poll; null if
   * neither is pending.
   */
  public Instant nextWakeUp() {
    Instant next = null;
    for (SourceRoot source : sources) {
      next = earlier(next, source.nextPoll());
    }
    for (Stage stage : graph.stages()) {
      if (stage.sink() != null) {
        Instant timer = stage.sink().nextProcessingTimeTimer();
        next = earlier(next, timer == null ? null : timer.plusMillis(1));
      }
    }
    return next;
  }

  /**
   * In real time, moves processing time to the wall clock and lets every root fire the
   * processing-time timers that became due; does nothing on a virtual clock.
   */
  public void advanceProcessingTime() {
    if (!realTime) {
      return;
    }
    processingTime = clock.now();
    for (Stage stage : graph.stages()) {
      if (stage.sink() != null) {
        stage.sink().advance(inputWatermark(stage), processingTime);
      }
    }
  }

  /** The processing time the engine is at. */
  public Instant processingTime() {
    return processingTime;
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /**
   * Recomputes watermarks in topological order and lets roots release what became due. Stops at
   * the first root that queues work, so nothing downstream of it moves past that work. Call only
   * when no work is queued.
   *
   * @param hasQueuedWork tells whether the runner's queue holds work
   * @return whether work was queued
   */
  public boolean advanceWatermarks(java.util.function.BooleanSupplier hasQueuedWork) {
    for (Stage stage : graph.stages()) {
      Instant output;
      if (stage.root() instanceof Step.ImpulseStep) {
        output = BoundedWindow.TIMESTAMP_MAX_VALUE;
      } else if (stage.root() instanceof Step.ScriptStep) {
        output = scriptOf(stage).watermark();
      } else if (stage.root() instanceof Step.ReadStep) {
        output = sourceOf(stage).watermark(Instant.now());
      } else {
        Instant input = inputWatermark(stage);
        stage.sink().advance(input, processingTime);
        if (hasQueuedWork.getAsBoolean()) {
          return true;
        }
        Instant hold = stage.sink().holdBefore(input);
        output = hold == null ? input : hold;
      }
      stage.advanceOutputWatermark(output);
    }
    return false;
  }

  private static Instant inputWatermark(Stage stage) {
    Instant min = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (Stage input : stage.inputs()) {
      if (input.outputWatermark().isBefore(min)) {
        min = input.outputWatermark();
      }
    }
    return min;
  }

  /** Replays the next event of the first unfinished script; returns whether there was one. */
  public boolean replayNextEvent() {
    for (ScriptSource script : scripts) {
      ScriptSource.Action action = script.nextAction();
      if (action == null) {
        continue;
      }
      if (action instanceof ScriptSource.Emit emit) {
        queue.enqueue(script.stage(), emit.bundle(), false);
      } else if (action instanceof ScriptSource.ProcessingTime time) {
        ((Clock.Virtual) clock).advance(time.advance());
        processingTime = clock.now();
        for (Stage stage : graph.stages()) {
          if (stage.sink() != null) {
            stage.sink().advance(inputWatermark(stage), processingTime);
          }
        }
      }
      return true;
    }
    return false;
  }

  private SourceRoot sourceOf(Stage stage) {
    for (SourceRoot source : sources) {
      if (source.stage() == stage) {
        return source;
      }
    }
    throw new IllegalStateException("no source for " + stage);
  }

  private ScriptSource scriptOf(Stage stage) {
    for (ScriptSource script : scripts) {
      if (script.stage() == stage) {
        return script;
      }
    }
    throw new IllegalStateException("no script for " + stage);
  }

  /**
   * Runs what waited for the commits so far to be durable: source checkpoint marks are
   * finalized and {@code DoFn.BundleFinalizer} callbacks run. A runner calls this once the
   * committed outputs are safe: at once for an in-memory run, after a snapshot that holds them
   * for a checkpointing one.
   */
  public void afterDurableCommit() {
    for (SourceRoot source : sources) {
      source.finalizeCommitted();
    }
    List<Runnable> due = new ArrayList<>(afterDurableCommit);
    afterDurableCommit.clear();
    for (Runnable action : due) {
      action.run();
    }
  }

  /**
   * Everything the run needs to go on, encoded: every stage's watermark, what every stage root
   * holds (keyed state and timers of groupings and stateful ParDos with their clocks,
   * pushed-back elements, side-input buffers), where scripts and source splits stand (with the
   * sources' checkpoint marks), and processing time. Take it between bundles, on the
   * coordinating thread; the runner's queued bundles are its own to snapshot ({@link
   * #encodeBundle}). Needs {@link Settings#snapshots()}.
   */
  public byte[] snapshot() {
    if (!settings.snapshots()) {
      throw new IllegalStateException("This engine was not set up for snapshots: give"
          + " Settings.snapshots() = true");
    }
    SnapshotStreams.Out out = new SnapshotStreams.Out().writeInstant(processingTime);
    for (Stage stage : graph.stages()) {
      out.writeInstant(stage.outputWatermark());
      out.writeBytes(stage.sink() == null ? null : stage.sink().snapshotState());
    }
    for (Sink<?> view : graph.viewSinks()) {
      out.writeBytes(view.snapshotState());
    }
    for (ScriptSource script : scripts) {
      out.writeBytes(script.snapshotState());
    }
    for (SourceRoot source : sources) {
      out.writeBytes(source.snapshotState());
    }
    return out.toByteArray();
  }

  /**
   * A new engine for the same pipeline, with new DoFn instances, restored from this engine's
   * {@link #snapshot()}, sharing its metrics and queue. Tear this one down first.
   */
  public PipelineExecution restoredFrom(byte[] snapshot) {
    PipelineExecution restored = new PipelineExecution(pipeline, options, settings, queue,
        metrics);
    restored.restore(snapshot);
    return restored;
  }

  private void restore(byte[] snapshot) {
    SnapshotStreams.In in = new SnapshotStreams.In(snapshot);
    processingTime = in.readInstant();
    if (clock instanceof Clock.Virtual virtual) {
      virtual.advance(java.time.Duration.between(virtual.now(), processingTime));
    }
    for (Stage stage : graph.stages()) {
      stage.advanceOutputWatermark(in.readInstant());
      byte[] state = in.readBytes();
      if (state != null) {
        stage.sink().restoreState(state);
      }
    }
    for (Sink<?> view : graph.viewSinks()) {
      byte[] state = in.readBytes();
      if (state != null) {
        view.restoreState(state);
      }
    }
    for (ScriptSource script : scripts) {
      script.restoreState(in.readBytes());
    }
    for (SourceRoot source : sources) {
      source.restoreState(in.readBytes());
    }
  }

  /** The stage at {@code index} in {@link #stages()}, as {@link Stage#index()} numbers it. */
  public Stage stage(int index) {
    return graph.stages().get(index);
  }

  /** A bundle queued for {@code stage}, encoded for a snapshot of the runner's queue. */
  public byte[] encodeBundle(Stage stage, Iterable<WindowedValue<?>> bundle) {
    if (bundle instanceof SourceRoot.ReadBundle read) {
      return new SnapshotStreams.Out().writeBoolean(true)
          .writeInt(sourceOf(stage).indexOf(read)).toByteArray();
    }
    List<WindowedValue<?>> elements = new ArrayList<>();
    bundle.forEach(elements::add);
    return new SnapshotStreams.Out().writeBoolean(false)
        .writeValues(StageCoders.chainInput(stage), elements).toByteArray();
  }

  /** A bundle of {@link #encodeBundle}, for {@code stage} of this engine. */
  public Iterable<WindowedValue<?>> decodeBundle(Stage stage, byte[] bytes) {
    SnapshotStreams.In in = new SnapshotStreams.In(bytes);
    if (in.readBoolean()) {
      return sourceOf(stage).bundleOf(in.readInt());
    }
    return in.readValues(StageCoders.chainInput(stage));
  }

  /** Fails if the run ended with elements still waiting somewhere. */
  public void checkFinished() {
    graph.checkFinished();
  }

  /**
   * Calls {@code @Teardown} on every DoFn instance that was set up; returns {@code failure} with
   * teardown failures added (or the first teardown failure when {@code failure} is null).
   */
  public RuntimeException teardown(RuntimeException failure) {
    RuntimeException result = failure;
    List<Supplier<RuntimeException>> teardowns = new ArrayList<>();
    synchronized (executors) {
      for (ParDoExecutor executor : executors) {
        teardowns.add(executor::teardown);
      }
    }
    for (Sink<?> sink : graph.sinks().values()) {
      if (sink instanceof StatefulParDoSink stateful) {
        teardowns.add(stateful::teardown);
      }
    }
    for (SourceRoot source : sources) {
      teardowns.add(source::close);
    }
    for (Supplier<RuntimeException> teardown : teardowns) {
      RuntimeException teardownFailure = teardown.get();
      if (teardownFailure == null) {
        continue;
      }
      if (result == null) {
        result = new Pipeline.PipelineExecutionException(teardownFailure.getMessage(),
            teardownFailure.getCause());
      } else {
        result.addSuppressed(teardownFailure);
      }
    }
    return result;
  }
}
