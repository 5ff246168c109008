package io.runnel.runners.core.triggers;

import java.util.List;

/**
 * Runs {@code AfterFirst.of(...)}: ready when any sub-trigger is ready (or finished); on firing,
 * fires the ready ones, clears the others, and finishes.
 */
final class AfterFirstStateMachine extends TriggerStateMachine {
  AfterFirstStateMachine(List<TriggerStateMachine> subs) {
    super(subs);
  }

  @Override
  void onElement(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnElement(c);
    }
  }

  @Override
  void onMerge(TriggerContext c) {
    boolean anyFinished = false;
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnMerge(c);
    }
    for (TriggerNode sub : c.subTriggers()) {
      anyFinished |= c.isFinished(sub);
    }
    c.setFinished(anyFinished);
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      if (c.isFinished(sub) || sub.invokeShouldFire(c)) {
        return true;
      }
    }
    return false;
  }

  @Override
  void onFire(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      if (sub.invokeShouldFire(c)) {
        sub.invokeOnFire(c);
      } else {
        sub.invokeClear(c);
      }
    }
    c.setFinished(true);
  }
}
