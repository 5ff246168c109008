package io.runnel.runners.core.triggers;

import io.runnel.sdk.state.TimeDomain;
import java.util.List;

/**
 * Runs {@link io.runnel.windowing.DefaultTrigger}: ready whenever the watermark is past the end of
 * the window (so once on time, then after every late bundle); never finishes.
 */
final class DefaultTriggerStateMachine extends TriggerStateMachine {
  DefaultTriggerStateMachine() {
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
    if (!c.endOfWindowReached()) {
      c.setTimer(c.window().maxTimestamp(), TimeDomain.EVENT_TIME);
    }
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    return c.endOfWindowReached();
  }

  @Override
  void onFire(TriggerContext c) {}
}
