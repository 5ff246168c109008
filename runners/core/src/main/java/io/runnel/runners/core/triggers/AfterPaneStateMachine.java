package io.runnel.runners.core.triggers;

import java.util.List;

/**
 * Runs {@link io.runnel.windowing.AfterPane#elementCountAtLeast}: counts the elements of the
 * pending pane; ready at the count; finishes when it fires. Merged windows sum their counts, and a
 * merge with a window where it already finished finishes it.
 */
final class AfterPaneStateMachine extends TriggerStateMachine {
  private final int count;

  AfterPaneStateMachine(int count) {
    super(List.of());
    this.count = count;
  }

  @Override
  void onElement(TriggerContext c) {
    c.setCount(c.count() + 1);
  }

  @Override
  void onMerge(TriggerContext c) {
    if (c.finishedInAnyMergingWindow()) {
      c.setFinished(true);
      c.setCount(0);
      return;
    }
    c.setCount(c.mergedCount());
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    return c.count() >= count;
  }

  @Override
  void onFire(TriggerContext c) {
    clear(c);
    c.setFinished(true);
  }

  @Override
  void clear(TriggerContext c) {
    c.setCount(0);
  }
}
