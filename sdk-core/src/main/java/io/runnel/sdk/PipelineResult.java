package io.runnel.sdk;

import io.runnel.sdk.metrics.MetricResults;
import java.time.Duration;

/** The handle of a pipeline run: its state, and waiting for or cancelling it. */
public interface PipelineResult {
  /** The life cycle of a run. */
  enum State {
    UNKNOWN(false),
    STOPPED(false),
    RUNNING(false),
    DONE(true),
    FAILED(true),
    CANCELLED(true),
    UPDATED(true);

    private final boolean terminal;

    State(boolean terminal) {
      this.terminal = terminal;
    }

    /** Whether the run can no longer change state. */
    public boolean isTerminal() {
      return terminal;
    }
  }

  /** The current state. */
  State getState();

  /** Asks the runner to stop the run; returns the state after the request. */
  State cancel();

  /** Waits until the run ends or {@code duration} passes; returns the state then. */
  State waitUntilFinish(Duration duration);

  /** Waits until the run ends; returns its final state. */
  State waitUntilFinish();

  /**
   * The metrics the run reported (see {@link io.runnel.sdk.metrics.Metrics}), so far if it is
   * still running. Runners override this; the default, for a runner that does not support
   * metrics, reports none.
   */
  default MetricResults metrics() {
    return NoMetricResults.INSTANCE;
  }
}
