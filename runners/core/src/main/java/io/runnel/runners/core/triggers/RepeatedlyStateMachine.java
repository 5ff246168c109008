package io.runnel.runners.core.triggers;

import java.util.List;

/** Runs {@code Repeatedly.forever(t)}: fires when {@code t} does, and resets {@code t} when it finishes. */
final class RepeatedlyStateMachine extends TriggerStateMachine {
  RepeatedlyStateMachine(TriggerStateMachine repeated) {
    super(List.of(repeated));
  }

  @Override
  void onElement(TriggerContext c) {
    c.subTrigger(0).invokeOnElement(c);
  }

  @Override
  void onMerge(TriggerContext c) {
    c.subTrigger(0).invokeOnMerge(c);
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    return c.subTrigger(0).invokeShouldFire(c);
  }

  @Override
  void onFire(TriggerContext c) {
    TriggerNode repeated = c.subTrigger(0);
    repeated.invokeOnFire(c);
    if (c.isFinished(repeated)) {
      c.forNode(repeated).resetTree();
    }
  }
}
