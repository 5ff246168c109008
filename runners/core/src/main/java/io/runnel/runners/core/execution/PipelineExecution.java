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
  private final ExecutionPlan plan;
  private final StageGraph graph;
  private final WorkQueue queue;
  private final List<ParDoExecutor> executors = new ArrayList<>();
  private final List<ScriptSource> scripts = new ArrayList<>();
  private final List<SourceRoot> sources = new ArrayList<>();
  private final Clock clock;
  private final boolean realTime;
  private final MetricsAggregator metrics = new MetricsAggregator();
  private final PipelineOptions options;
  private final TransformChecks.Factory checks;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;

  /**
   * @param order keeps or permutes what the model leaves unordered (see {@link GroupOrder})
   * @param checks the runner's checks on elements, or {@link TransformChecks.Factory#NONE}
   * @param queue where the engine puts work for the runner
   * @param tasks how the runner runs the shards of keyed inputs (in parallel, or not)
   * @param reading how the runner reads sources: bundle limits, idle timeout, splits
   */
  public PipelineExecution(Pipeline pipeline, PipelineOptions options, GroupOrder order,
      TransformChecks.Factory checks, WorkQueue queue, ParallelTasks tasks,
      SourceReading reading) {
    this.options = options;
    this.checks = checks;
    this.queue = queue;
    this.plan = ExecutionPlan.of(pipeline);
    KeyedShards shards = new KeyedShards(KeyGroups.DEFAULT_MAX_PARALLELISM);
    this.graph = new StageGraph(plan, order, queue, metrics, shards, tasks, (graph, parDo) ->
        new StatefulParDoSink(parDo, options, graph.sideInputs(),
            element -> graph.sideInputsReady(parDo, element), checks, metrics, shards, tasks));
    for (Stage stage : graph.stages()) {
      if (stage.root() instanceof Step.ScriptStep script) {
        scripts.add(new ScriptSource(stage, script));
      } else if (stage.root() instanceof Step.ReadStep read) {
        sources.add(new SourceRoot(stage, read, options, new SourceRoot.ReadLimits(
            reading.bundleSize(), reading.bundleTime(), reading.idleTimeout(),
            reading.unboundedSplits())));
      }
    }
    this.realTime = scripts.isEmpty() && sources.stream().anyMatch(SourceRoot::isUnbounded);
    this.clock = realTime ? Clock.system() : Clock.virtual();
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
            checks, executors, metrics);
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
        Instant hold = stage.sink().hold();
        output = hold == null || hold.isAfter(input) ? input : hold;
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
