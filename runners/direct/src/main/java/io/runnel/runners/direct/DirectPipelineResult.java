package io.runnel.runners.direct;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.MetricResults;
import java.time.Duration;

/** The result of a finished direct run: always {@link State#DONE} (a failed run throws instead). */
public final class DirectPipelineResult implements PipelineResult {
  private final MetricResults metrics;

  DirectPipelineResult(MetricResults metrics) {
    this.metrics = metrics;
  }

  /** The run's metrics: counters, distributions and gauges reported by user code, per step. */
  @Override
  public MetricResults metrics() {
    return metrics;
  }

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
