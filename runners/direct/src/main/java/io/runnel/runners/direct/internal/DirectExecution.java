package io.runnel.runners.direct.internal;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.execution.PipelineExecution;
import io.runnel.runners.core.execution.Stage;
import io.runnel.runners.core.execution.TransformFailure;
import io.runnel.runners.direct.DirectOptions;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.Pipeline;
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
  private final GroupOrder order;
  private final PipelineExecution execution;
  private final Map<Stage, StageExecutor> stageExecutors = new HashMap<>();
  private final ArrayDeque<Work> queue = new ArrayDeque<>();
  private final DirectParallelTasks keyedTasks;
  private ExecutorService threads;

  private record Work(Stage stage, List<WindowedValue<?>> bundle) {}

  public DirectExecution(Pipeline pipeline, DirectOptions options) {
    this.options = options;
    Long seed = options.getDirectSeed();
    this.order = seed == null ? GroupOrder.arrival() : GroupOrder.shuffled(seed);
    ElementChecks checks = new ElementChecks(options.isEnforceEncodability(),
        options.isEnforceImmutability());
    this.keyedTasks = new DirectParallelTasks(options.getDirectParallelism());
    this.execution = new PipelineExecution(pipeline, options, order, checks, this::enqueue,
        keyedTasks);
    for (Stage stage : execution.stages()) {
      stageExecutors.put(stage, new StageExecutor(execution.chains(stage)));
    }
  }

  /** The metrics of this run, live: attempted and committed values per step. */
  public MetricResults metrics() {
    return execution.metrics();
  }

  /** Runs to completion; throws {@link Pipeline.PipelineExecutionException} if user code fails. */
  public void run() {
    RuntimeException failure = null;
    try {
      execution.start();
      while (true) {
        drain();
        if (execution.advanceWatermarks(() -> !queue.isEmpty()) || execution.replayNextEvent()) {
          continue;
        }
        break;
      }
      execution.checkFinished();
    } catch (TransformFailure e) {
      failure = new Pipeline.PipelineExecutionException(e.getMessage() + seedNote(),
          e.getCause() != null ? e.getCause() : e);
    } finally {
      if (threads != null) {
        threads.shutdownNow();
        awaitQuietly(threads);
      }
      keyedTasks.close();
      failure = execution.teardown(failure);
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
