package io.runnel.runners.direct.internal;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.AggregatedMetricResults;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.runners.direct.DirectOptions;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.Pipeline;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One run of a pipeline on the direct runner, as an event loop on the calling thread:
 *
 * <ol>
 *   <li>process queued bundles until none are left (runs of bundles of one stage go to worker
 *       threads, their results committed in bundle order);
 *   <li>then move watermarks forward, stage by stage in topological order, letting groupings
 *       fire; stop as soon as that queues work, and go back to 1;
 *   <li>when nothing moves, replay the next event of a scripted source ({@code TestStream});
 *   <li>when no source has events left, the run is over.
 * </ol>
 *
 * Watermarks move only when no work is queued, so no element is ever behind a watermark that
 * passed it. Processing time is virtual: it starts at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}
 * and moves only with a script. The outcome does not depend on the number of threads.
 */
public final class DirectExecution {
  private static final int MIN_BUNDLES = 16;

  private final DirectOptions options;
  private final ExecutionPlan plan;
  private final StageGraph graph;
  private final GroupOrder order;
  private final List<ParDoExecutor> executors = new ArrayList<>();
  private final Map<Stage, StageExecutor> stageExecutors = new HashMap<>();
  private final ArrayDeque<Work> queue = new ArrayDeque<>();
  private final List<ScriptSource> scripts = new ArrayList<>();
  private final MetricsAggregator metrics = new MetricsAggregator();
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private ExecutorService threads;

  private record Work(Stage stage, List<WindowedValue<?>> bundle) {}

  public DirectExecution(Pipeline pipeline, DirectOptions options) {
    this.options = options;
    this.plan = ExecutionPlan.of(pipeline);
    Long seed = options.getDirectSeed();
    this.order = seed == null ? GroupOrder.arrival() : GroupOrder.shuffled(seed);
    ElementChecks checks = new ElementChecks(options.isEnforceEncodability(), options.isEnforceImmutability());
    this.graph = new StageGraph(plan, order, this::enqueue, metrics, (graph, parDo) ->
        new StatefulParDoSink(parDo, options, graph.sideInputs(),
            element -> graph.sideInputsReady(parDo, element), checks, metrics));
    DirectSideInputs sideInputs = graph.sideInputs();
    for (Stage stage : graph.stages()) {
      stageExecutors.put(stage, new StageExecutor(() -> new ChainInstance(stage.root(), plan,
          graph.sinks(), options, sideInputs, checks, executors, metrics)));
      if (stage.root() instanceof Step.ScriptStep script) {
        scripts.add(new ScriptSource(stage, script));
      }
    }
  }

  /** The metrics of this run, live: attempted and committed values per step. */
  public MetricResults metrics() {
    return AggregatedMetricResults.of(metrics);
  }

  /** Runs to completion; throws {@link Pipeline.PipelineExecutionException} if user code fails. */
  public void run() {
    RuntimeException failure = null;
    try {
      for (Stage stage : graph.stages()) {
        if (stage.root() instanceof Step.ImpulseStep) {
          List<WindowedValue<?>> impulse = new ArrayList<>(1);
          impulse.add(WindowedValue.valueInGlobalWindow(new byte[0]));
          enqueue(stage, impulse, false);
        }
      }
      while (true) {
        drain();
        if (advanceWatermarks() || replayNextEvent()) {
          continue;
        }
        break;
      }
      graph.checkFinished();
    } catch (TransformFailure e) {
      failure = new Pipeline.PipelineExecutionException(e.getMessage() + seedNote(),
          e.getCause() != null ? e.getCause() : e);
    } finally {
      if (threads != null) {
        threads.shutdownNow();
        awaitQuietly(threads);
      }
      failure = teardownAll(failure);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void enqueue(Stage stage, List<WindowedValue<?>> elements, boolean splittable) {
    if (elements.isEmpty()) {
      return;
    }
    if (!splittable) {
      queue.add(new Work(stage, elements));
      return;
    }
    for (List<WindowedValue<?>> bundle : split(elements)) {
      queue.add(new Work(stage, bundle));
    }
  }

  /** Processes queued work until the queue is empty, a run of same-stage bundles at a time. */
  private void drain() {
    while (!queue.isEmpty()) {
      Stage stage = queue.peek().stage();
      List<List<WindowedValue<?>>> run = new ArrayList<>();
      while (!queue.isEmpty() && queue.peek().stage() == stage) {
        run.add(queue.poll().bundle());
      }
      int parallelism = options.getDirectParallelism();
      if (parallelism > 1 && run.size() > 1 && threads == null) {
        threads = Executors.newFixedThreadPool(parallelism, runnable -> {
          Thread thread = new Thread(runnable, "runnel-direct-worker");
          thread.setDaemon(true);
          return thread;
        });
      }
      stageExecutors.get(stage).run(run, threads, parallelism);
    }
  }

  /**
   * Recomputes watermarks in topological order and lets roots release what became due. Stops at
   * the first root that queues work, so nothing downstream of it moves past that work.
   *
   * @return whether work was queued
   */
  private boolean advanceWatermarks() {
    for (Stage stage : graph.stages()) {
      Instant output;
      if (stage.root() instanceof Step.ImpulseStep) {
        output = BoundedWindow.TIMESTAMP_MAX_VALUE;
      } else if (stage.root() instanceof Step.ScriptStep) {
        output = scriptOf(stage).watermark();
      } else {
        Instant input = inputWatermark(stage);
        stage.sink().advance(input, processingTime);
        if (!queue.isEmpty()) {
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
  private boolean replayNextEvent() {
    for (ScriptSource script : scripts) {
      ScriptSource.Action action = script.nextAction();
      if (action == null) {
        continue;
      }
      if (action instanceof ScriptSource.Emit emit) {
        enqueue(script.stage(), emit.bundle(), false);
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

  /**
   * Cuts elements into bundles of at most {@code --directBundleSize}, and at least {@value
   * #MIN_BUNDLES} when there are that many, so a few heavy elements still spread over the
   * threads. Depends only on the elements and the seed, never on the thread count.
   */
  private List<List<WindowedValue<?>>> split(List<WindowedValue<?>> source) {
    List<List<WindowedValue<?>>> bundles = new ArrayList<>();
    int typical = Math.max(1, Math.min(options.getDirectBundleSize(),
        (source.size() + MIN_BUNDLES - 1) / MIN_BUNDLES));
    int start = 0;
    while (start < source.size()) {
      int end = Math.min(source.size(), start + order.bundleSize(typical));
      bundles.add(source.subList(start, end));
      start = end;
    }
    return bundles;
  }

  private RuntimeException teardownAll(RuntimeException failure) {
    RuntimeException result = failure;
    List<java.util.function.Supplier<RuntimeException>> teardowns = new ArrayList<>();
    for (ParDoExecutor executor : executors) {
      teardowns.add(executor::teardown);
    }
    for (Sink<?> sink : graph.sinks().values()) {
      if (sink instanceof StatefulParDoSink stateful) {
        teardowns.add(stateful::teardown);
      }
    }
    for (java.util.function.Supplier<RuntimeException> teardown : teardowns) {
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

  private String seedNote() {
    Long seed = options.getDirectSeed();
    return seed == null ? "" : " [direct runner seed " + seed + ": rerun with --directSeed=" + seed
        + " to reproduce]";
  }

  private static void awaitQuietly(ExecutorService service) {
    try {
      service.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
