package io.runnel.runners.core.reference;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.execution.BundleTicket;
import io.runnel.runners.core.execution.ChainInstance;
import io.runnel.runners.core.execution.ParallelTasks;
import io.runnel.runners.core.execution.PipelineExecution;
import io.runnel.runners.core.execution.Stage;
import io.runnel.runners.core.execution.TransformChecks;
import io.runnel.runners.core.execution.TransformFailure;
import io.runnel.runners.core.execution.WorkQueue;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.runners.PipelineRunner;
import io.runnel.sdk.runners.PipelineRunnerRegistrar;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runner written against {@code runners/core} alone ({@code --runner=reference}), to show that
 * every piece of semantics lives there: single-threaded, each queued bundle processed whole by
 * one chain instance per stage and committed at once, no element checks, no bundle cutting.
 * The conformance suite runs on it (see this module's pom).
 */
public final class ReferenceRunner extends PipelineRunner<PipelineResult> {
  private final PipelineOptions options;

  private ReferenceRunner(PipelineOptions options) {
    this.options = options;
  }

  private record Work(Stage stage, Iterable<WindowedValue<?>> bundle) {}

  @Override
  public PipelineResult run(Pipeline pipeline) {
    ArrayDeque<Work> queue = new ArrayDeque<>();
    WorkQueue enqueue = new WorkQueue() {
      @Override
      public void enqueue(Stage stage, List<WindowedValue<?>> elements, boolean splittable) {
        if (!elements.isEmpty()) {
          queue.add(new Work(stage, elements));
        }
      }

      @Override
      public void enqueueRead(Stage stage, Iterable<WindowedValue<?>> bundle) {
        queue.add(new Work(stage, bundle));
      }
    };
    PipelineExecution execution = new PipelineExecution(pipeline, options,
        new PipelineExecution.Settings(GroupOrder.arrival(), TransformChecks.Factory.NONE,
            ParallelTasks.SEQUENTIAL,
            new PipelineExecution.SourceReading(1024, Duration.ofMillis(100), null, 1), false,
            false, PipelineExecution.DEFAULT_KEYED_SHARDS), enqueue);
    Map<Stage, ChainInstance> chains = new HashMap<>();
    RuntimeException failure = null;
    try {
      execution.start();
      do {
        while (!queue.isEmpty()) {
          Work work = queue.poll();
          ChainInstance chain = chains.computeIfAbsent(work.stage(),
              stage -> execution.chains(stage).get());
          chain.process(work.bundle(), BundleTicket.INLINE).forEach(Runnable::run);
          execution.afterDurableCommit();
        }
        execution.advanceProcessingTime();
      } while (!queue.isEmpty() || execution.advanceWatermarks(() -> !queue.isEmpty())
          || execution.replayNextEvent() || execution.pollSources()
          || (execution.isRealTime() && !execution.sourcesFinished() && pause()));
      execution.checkFinished();
    } catch (TransformFailure e) {
      failure = new Pipeline.PipelineExecutionException(e.getMessage(),
          e.getCause() != null ? e.getCause() : e);
    } finally {
      failure = execution.teardown(failure);
    }
    if (failure != null) {
      throw failure;
    }
    return new Result(execution.metrics());
  }

  /** Waits a little for unbounded sources to bring data; always true. */
  private static boolean pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return true;
  }

  /** The result of a finished run. */
  private record Result(MetricResults metrics) implements PipelineResult {
    @Override
    public State getState() {
      return State.DONE;
    }

    @Override
    public State cancel() {
      return State.DONE;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      return State.DONE;
    }

    @Override
    public State waitUntilFinish() {
      return State.DONE;
    }
  }

  /** Registers {@code --runner=reference}. */
  public static final class Registrar implements PipelineRunnerRegistrar {
    @Override
    public String getName() {
      return "reference";
    }

    @Override
    public PipelineRunner<? extends PipelineResult> fromOptions(PipelineOptions options) {
      return new ReferenceRunner(options);
    }
  }
}
