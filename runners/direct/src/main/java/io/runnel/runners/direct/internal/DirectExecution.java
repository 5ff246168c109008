package io.runnel.runners.direct.internal;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.direct.DirectOptions;
import io.runnel.sdk.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One run of a bounded pipeline on the direct runner. Stages run one after another in
 * topological order; a stage's bundles run on up to {@code --directParallelism} threads, and
 * their results are committed in bundle order, so the outcome does not depend on the threads.
 */
public final class DirectExecution {
  private static final int MIN_BUNDLES = 16;
  private final Pipeline pipeline;
  private final DirectOptions options;
  private final ExecutionPlan plan;
  private final Map<Step, Sink<?>> sinks = new HashMap<>();
  private final List<Stage> stages = new ArrayList<>();
  private final List<ParDoExecutor> executors = new ArrayList<>();
  private final GroupOrder order;
  private final ElementChecks checks;
  private final DirectSideInputs sideInputs;
  private ExecutorService threads;

  public DirectExecution(Pipeline pipeline, DirectOptions options) {
    this.pipeline = pipeline;
    this.options = options;
    this.plan = ExecutionPlan.of(pipeline);
    Long seed = options.getDirectSeed();
    this.order = seed == null ? GroupOrder.arrival() : GroupOrder.shuffled(seed);
    this.checks = new ElementChecks(options.isEnforceEncodability(), options.isEnforceImmutability());
    for (Step step : plan.steps()) {
      Sink<?> sink = sinkFor(step);
      if (sink != null) {
        sinks.put(step, sink);
      }
      if (step.isStageRoot()) {
        stages.add(new Stage(step));
      }
    }
    this.sideInputs = new DirectSideInputs(plan, sinks);
  }

  /** Runs every stage; throws {@link Pipeline.PipelineExecutionException} if user code fails. */
  public void run() {
    RuntimeException failure = null;
    try {
      for (Stage stage : stages) {
        runStage(stage);
      }
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

  private void runStage(Stage stage) {
    List<WindowedValue<?>> source = stage.takeSource(sinks.get(stage.root()), order);
    List<List<WindowedValue<?>>> bundles = split(source);
    if (bundles.isEmpty()) {
      return;
    }
    int parallelism = Math.min(options.getDirectParallelism(), bundles.size());
    if (parallelism <= 1) {
      ChainInstance chain = newChain(stage);
      for (List<WindowedValue<?>> bundle : bundles) {
        chain.process(bundle).forEach(Runnable::run);
      }
      return;
    }
    runParallel(stage, bundles, parallelism);
  }

  private void runParallel(Stage stage, List<List<WindowedValue<?>>> bundles, int parallelism) {
    if (threads == null) {
      threads = Executors.newFixedThreadPool(options.getDirectParallelism(), runnable -> {
        Thread thread = new Thread(runnable, "runnel-direct-worker");
        thread.setDaemon(true);
        return thread;
      });
    }
    BlockingQueue<ChainInstance> free = new ArrayBlockingQueue<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      free.add(newChain(stage));
    }
    List<Future<List<Runnable>>> pending = new ArrayList<>();
    int submitted = 0;
    int window = 4 * parallelism;
    try {
      for (int next = 0; next < bundles.size(); next++) {
        while (submitted < bundles.size() && submitted < next + window) {
          List<WindowedValue<?>> bundle = bundles.get(submitted++);
          pending.add(threads.submit(() -> {
            ChainInstance chain = free.take();
            try {
              return chain.process(bundle);
            } finally {
              free.add(chain);
            }
          }));
        }
        awaitCommits(pending.get(next)).forEach(Runnable::run);
        pending.set(next, null);
      }
    } finally {
      for (Future<List<Runnable>> future : pending) {
        if (future != null) {
          future.cancel(false);
        }
      }
    }
  }

  private static List<Runnable> awaitCommits(Future<List<Runnable>> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the pipeline", e);
    }
  }

  private ChainInstance newChain(Stage stage) {
    return new ChainInstance(stage.root(), plan, sinks, options, sideInputs, checks, executors);
  }

  /**
   * Splits a stage's source into bundles of at most {@code --directBundleSize} elements, and into
   * at least {@value #MIN_BUNDLES} when there are that many, so that a few heavy elements (file
   * names, ranges to generate) still spread over the threads. Depends only on the source and
   * the seed, never on the thread count.
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

  private Sink<?> sinkFor(Step step) {
    if (step instanceof Step.GroupByKeyStep gbk) {
      return new GroupSink(gbk.input());
    }
    if (step instanceof Step.CombineStep combine) {
      return new CombineSink(combine);
    }
    if (step instanceof Step.FlattenStep || step instanceof Step.ViewStep
        || (step instanceof Step.ParDoStep parDo && parDo.isStageRoot())) {
      return new BufferSink();
    }
    return null;
  }

  private RuntimeException teardownAll(RuntimeException failure) {
    RuntimeException result = failure;
    for (ParDoExecutor executor : executors) {
      RuntimeException teardownFailure = executor.teardown();
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

  Pipeline pipeline() {
    return pipeline;
  }
}
