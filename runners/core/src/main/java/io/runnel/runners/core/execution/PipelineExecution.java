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
 * already passed it. Processing time is virtual here: it starts at {@link
 * BoundedWindow#TIMESTAMP_MIN_VALUE} and moves only with a script. Everything but the chains'
 * {@link ChainInstance#process} runs on the runner's coordinating thread.
 */
public final class PipelineExecution {
  private final ExecutionPlan plan;
  private final StageGraph graph;
  private final WorkQueue queue;
  private final List<ParDoExecutor> executors = new ArrayList<>();
  private final List<ScriptSource> scripts = new ArrayList<>();
  private final MetricsAggregator metrics = new MetricsAggregator();
  private final PipelineOptions options;
  private final TransformChecks.Factory checks;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;

  /**
   * @param order keeps or permutes what the model leaves unordered (see {@link GroupOrder})
   * @param checks the runner's checks on elements, or {@link TransformChecks.Factory#NONE}
   * @param queue where the engine puts work for the runner
   * @param tasks how the runner runs the shards of keyed inputs (in parallel, or not)
   */
  public PipelineExecution(Pipeline pipeline, PipelineOptions options, GroupOrder order,
      TransformChecks.Factory checks, WorkQueue queue, ParallelTasks tasks) {
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
      }
    }
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

  /** Queues the impulse of every impulse root. */
  public void start() {
    for (Stage stage : graph.stages()) {
      if (stage.root() instanceof Step.ImpulseStep) {
        List<WindowedValue<?>> impulse = new ArrayList<>(1);
        impulse.add(WindowedValue.valueInGlobalWindow(new byte[0]));
        queue.enqueue(stage, impulse, false);
      }
    }
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
        processingTime = processingTime.plus(time.advance());
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
