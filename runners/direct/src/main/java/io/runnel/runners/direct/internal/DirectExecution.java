package io.runnel.runners.direct.internal;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.execution.PipelineExecution;
import io.runnel.runners.core.execution.Stage;
import io.runnel.runners.core.execution.TransformFailure;
import io.runnel.runners.core.execution.WorkQueue;
import io.runnel.runners.direct.DirectOptions;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.Pipeline;
import java.time.Duration;
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
 * One run of a pipeline on the direct runner, as an event loop on one thread:
 *
 * <ol>
 *   <li>process queued bundles until none are left (runs of bundles of one stage go to worker
 *       threads, their results committed in bundle order);
 *   <li>in real time, move processing time to the wall clock, firing the timers it passed;
 *   <li>then move watermarks forward, stage by stage in topological order, letting groupings
 *       fire; stop as soon as that queues work, and go back to 1;
 *   <li>when nothing moves, replay the next event of a scripted source ({@code TestStream}), or
 *       read the next bundles of unbounded sources; when none has data yet, wait for the next
 *       timer or source poll;
 *   <li>when every source has ended and nothing moves, or when cancelled, the run is over.
 * </ol>
 *
 * Watermarks move only when no work is queued, so no element is ever behind a watermark that
 * passed it. Processing time is the wall clock for a pipeline that reads an unbounded source;
 * otherwise it is virtual and moves only with a script, and the outcome (for bounded and
 * scripted pipelines) does not depend on the number of threads.
 */
public final class DirectExecution {
  private static final int MIN_BUNDLES = 16;
  /** The longest the loop waits for a timer or a source before looking again. */
  private static final long MAX_WAIT_MILLIS = 100;

  private final DirectOptions options;
  private final GroupOrder order;
  private PipelineExecution execution;
  private final boolean checkpointing;
  private final Map<Stage, StageExecutor> stageExecutors = new HashMap<>();
  private final ArrayDeque<Work> queue = new ArrayDeque<>();
  private final DirectParallelTasks keyedTasks;
  private final Object wakeUp = new Object();
  private volatile boolean cancelled;
  private ExecutorService threads;

  private record Work(Stage stage, Iterable<WindowedValue<?>> bundle) {}

  public DirectExecution(Pipeline pipeline, DirectOptions options) {
    this.options = options;
    Long seed = options.getDirectSeed();
    this.order = seed == null ? GroupOrder.arrival() : GroupOrder.shuffled(seed);
    ElementChecks checks = new ElementChecks(options.isEnforceEncodability(),
        options.isEnforceImmutability());
    this.checkpointing = options.isCheckpointEveryBundle();
    this.keyedTasks = new DirectParallelTasks(checkpointing ? 1 : options.getDirectParallelism());
    PipelineExecution.Settings settings = new PipelineExecution.Settings(order, checks,
        keyedTasks, new PipelineExecution.SourceReading(readBundleSize(options),
            options.getDirectReadBundleTime(), options.getSourceIdleTimeout(),
            options.getDirectParallelism()), checkpointing, options.isDirectPortable(),
        options.getDirectKeyedShards());
    this.execution = new PipelineExecution(pipeline, options, settings, new WorkQueue() {
      @Override
      public void enqueue(Stage stage, List<WindowedValue<?>> elements, boolean splittable) {
        DirectExecution.this.enqueue(stage, elements, splittable);
      }

      @Override
      public void enqueueRead(Stage stage, Iterable<WindowedValue<?>> bundle) {
        queue.add(new Work(stage, bundle));
      }
    });
    makeStageExecutors();
  }

  private void makeStageExecutors() {
    stageExecutors.clear();
    for (Stage stage : execution.stages()) {
      stageExecutors.put(stage, new StageExecutor(execution.chains(stage)));
    }
  }

  /** The metrics of this run, live: attempted and committed values per step. */
  public MetricResults metrics() {
    return execution.metrics();
  }

  /** Asks the run to stop at the next bundle boundary; {@link #run} then returns normally. */
  public void cancel() {
    cancelled = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  /** Whether {@link #cancel} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs until the sources end or {@link #cancel} is called; throws {@link
   * Pipeline.PipelineExecutionException} if user code fails.
   */
  public void run() {
    RuntimeException failure = null;
    try {
      execution.start();
      loop();
      if (!cancelled) {
        execution.checkFinished();
      }
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

  private void loop() {
    while (!cancelled) {
      drain();
      if (cancelled) {
        return;
      }
      execution.advanceProcessingTime();
      checkpoint();
      if (!queue.isEmpty()) {
        continue;
      }
      if (execution.advanceWatermarks(() -> !queue.isEmpty()) || execution.replayNextEvent()
          || execution.pollSources()) {
        checkpoint();
        continue;
      }
      if (!execution.isRealTime() || execution.sourcesFinished()) {
        return;
      }
      waitForTimerOrSource();
    }
  }

  /** Waits until the next processing-time timer or source poll is due, or a cancel. */
  private void waitForTimerOrSource() {
    Instant next = execution.nextWakeUp();
    long millis = next == null ? MAX_WAIT_MILLIS
        : Math.min(MAX_WAIT_MILLIS, Duration.between(Instant.now(), next).toMillis());
    if (millis <= 0) {
      return;
    }
    synchronized (wakeUp) {
      try {
        if (!cancelled) {
          wakeUp.wait(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
      }
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

  /**
   * Processes queued work until the queue is empty, a run of same-stage bundles at a time (one
   * bundle at a time, each followed by a checkpoint, under {@code --checkpointEveryBundle}); what
   * waited for the commits to be durable runs after each run.
   */
  private void drain() {
    while (!queue.isEmpty() && !cancelled) {
      Stage stage = queue.peek().stage();
      List<Iterable<WindowedValue<?>>> run = new ArrayList<>();
      while (!queue.isEmpty() && queue.peek().stage() == stage
          && (run.isEmpty() || !checkpointing)) {
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
      stageExecutors.get(stage).run(run, threads, checkpointing ? 1 : parallelism);
      if (checkpointing) {
        checkpoint();
      } else {
        execution.afterDurableCommit();
      }
    }
  }

  /**
   * Under {@code --checkpointEveryBundle}: snapshots the engine and the queued bundles, runs
   * what waited for a durable commit, throws the engine (and its DoFn instances) away, and goes
   * on with one restored from the bytes.
   */
  private void checkpoint() {
    if (!checkpointing) {
      return;
    }
    byte[] engine = execution.snapshot();
    List<Integer> stages = new ArrayList<>();
    List<byte[]> bundles = new ArrayList<>();
    for (Work work : queue) {
      stages.add(work.stage().index());
      bundles.add(execution.encodeBundle(work.stage(), work.bundle()));
    }
    execution.afterDurableCommit();
    RuntimeException failure = execution.teardown(null);
    if (failure != null) {
      throw failure;
    }
    execution = execution.restoredFrom(engine);
    makeStageExecutors();
    queue.clear();
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = execution.stage(stages.get(i));
      queue.add(new Work(stage, execution.decodeBundle(stage, bundles.get(i))));
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

  /** {@code --directReadBundleSize}, or 8 times {@code --directBundleSize} when unset. */
  private static int readBundleSize(DirectOptions options) {
    Integer size = options.getDirectReadBundleSize();
    return size != null ? size
        : (int) Math.min(Integer.MAX_VALUE, 8L * options.getDirectBundleSize());
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
