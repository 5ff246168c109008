package io.runnel.runners.core.triggers;

import java.util.List;

/**
 * Runs {@code AfterEach.inOrder(t1, t2, ...)}: the first unfinished sub-trigger is the current
 * one; this fires when it fires and finishes when all have finished. With merging windows all
 * sub-triggers track every pane, since a merge can bring an earlier one back.
 */
final class AfterEachStateMachine extends TriggerStateMachine {
  AfterEachStateMachine(List<TriggerStateMachine> subs) {
    super(subs);
  }

  @Override
  void onElement(TriggerContext c) {
    if (!c.isMerging()) {
      TriggerNode current = c.firstUnfinishedSubTrigger();
      if (current != null) {
        current.invokeOnElement(c);
      }
      return;
    }
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnElement(c);
    }
  }

  @Override
  void onMerge(TriggerContext c) {
    boolean earlierAllFinished = true;
    for (TriggerNode sub : c.subTriggers()) {
      if (earlierAllFinished) {
        sub.invokeOnMerge(c);
        earlierAllFinished = c.isFinished(sub);
      } else {
        sub.invokeClear(c);
      }
    }
    c.setFinished(c.firstUnfinishedSubTrigger() == null);
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    TriggerNode current = c.firstUnfinishedSubTrigger();
    return current != null && current.invokeShouldFire(c);
  }

  @Override
  void onFire(TriggerContext c) {
    c.firstUnfinishedSubTrigger().invokeOnFire(c);
    if (c.isMerging()) {
      for (TriggerNode sub : c.subTriggers()) {
        sub.invokeClear(c);
      }
    }
    c.setFinished(c.firstUnfinishedSubTrigger() == null);
  }
}
