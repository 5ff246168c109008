package io.runnel.runners.direct;

import io.runnel.runners.direct.internal.DirectExecution;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.MetricResults;
import java.time.Duration;

/**
 * The handle of a direct run. With {@code --blockOnRun} (the default) {@code run()} returns it
 * once the run is over ({@link State#DONE}, or {@link State#CANCELLED}; a failed run throws from
 * {@code run()} instead). With {@code --blockOnRun=false} the run goes on in a thread of its own:
 * {@link #waitUntilFinish} waits for it (and throws {@link Pipeline.PipelineExecutionException}
 * if it failed, as Beam's direct runner does), {@link #cancel} stops it at the next bundle
 * boundary. Thread-safe.
 */
public final class DirectPipelineResult implements PipelineResult {
  private final DirectExecution execution;
  private final Thread thread;
  private volatile State state;
  private volatile RuntimeException failure;

  /** The result of a run that is already over. */
  DirectPipelineResult(DirectExecution execution, State finalState) {
    this.execution = execution;
    this.thread = null;
    this.state = finalState;
  }

  /** Starts {@code execution} on a thread of its own. */
  DirectPipelineResult(DirectExecution execution) {
    this.execution = execution;
    this.state = State.RUNNING;
    this.thread = new Thread(this::runToEnd, "runnel-direct-pipeline");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void runToEnd() {
    try {
      execution.run();
      state = execution.isCancelled() ? State.CANCELLED : State.DONE;
    } catch (RuntimeException e) {
      failure = e;
      state = State.FAILED;
    } catch (Error e) {
      failure = new Pipeline.PipelineExecutionException(e.toString(), e);
      state = State.FAILED;
    }
  }

  /** The run's metrics: counters, distributions and gauges reported by user code, per step. */
  @Override
  public MetricResults metrics() {
    return execution.metrics();
  }

  @Override
  public State getState() {
    return state;
  }

  /** Stops a running pipeline at the next bundle boundary and waits for it to stop. */
  @Override
  public State cancel() {
    if (thread == null) {
      return state;
    }
    execution.cancel();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return state;
  }

  /**
   * Waits until the run ends or {@code duration} passes; returns {@link State#RUNNING} if it is
   * still running then. Throws the run's failure.
   */
  @Override
  public State waitUntilFinish(Duration duration) {
    if (thread != null) {
      try {
        thread.join(Math.max(1, duration.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return stateOrFailure();
  }

  /** Waits until the run ends; returns its final state. Throws the run's failure. */
  @Override
  public State waitUntilFinish() {
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return stateOrFailure();
  }

  private State stateOrFailure() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
    return state;
  }
}
