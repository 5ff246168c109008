package io.runnel.runners.direct;

import io.runnel.sdk.PipelineResult;
import java.time.Duration;

/** The result of a finished direct run: always {@link State#DONE} (a failed run throws instead). */
public final class DirectPipelineResult implements PipelineResult {
  DirectPipelineResult() {}

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
