package io.runnel.runners.core.triggers;

import io.runnel.sdk.state.TimeDomain;
import java.util.List;

/**
 * Runs {@code AfterWatermark.pastEndOfWindow()}: sets an event-time timer at the end of the
 * window, is ready once the input watermark is past it, finishes when it fires. On merge it stays
 * finished only if it finished in every merged window and the merged window's end has passed.
 */
final class AfterWatermarkStateMachine extends TriggerStateMachine {
  AfterWatermarkStateMachine() {
    super(List.of());
  }

  @Override
  void onElement(TriggerContext c) {
    if (!c.endOfWindowReached()) {
      c.setTimer(c.window().maxTimestamp(), TimeDomain.EVENT_TIME);
    }
  }

  @Override
  void onMerge(TriggerContext c) {
    c.setFinished(c.finishedInAllMergingWindows() && c.endOfWindowReached());
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    return c.endOfWindowReached();
  }

  @Override
  void onFire(TriggerContext c) {
    c.setFinished(true);
  }
}
