package io.runnel.runners.core.triggers;

import java.util.List;

/**
 * Runs {@code AfterAll.of(...)}: each sub-trigger counts as done once it has fired (finished) or
 * is ready; ready when all are; fires them all and finishes.
 */
final class AfterAllStateMachine extends TriggerStateMachine {
  AfterAllStateMachine(List<TriggerStateMachine> subs) {
    super(subs);
  }

  @Override
  void onElement(TriggerContext c) {
    for (TriggerNode sub : c.unfinishedSubTriggers()) {
      sub.invokeOnElement(c);
    }
  }

  @Override
  void onMerge(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnMerge(c);
    }
    boolean allFinished = true;
    for (TriggerNode sub : c.subTriggers()) {
      allFinished &= c.isFinished(sub);
    }
    c.setFinished(allFinished);
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      if (!c.isFinished(sub) && !sub.invokeShouldFire(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  void onFire(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnFire(c);
    }
    c.setFinished(true);
  }
}
