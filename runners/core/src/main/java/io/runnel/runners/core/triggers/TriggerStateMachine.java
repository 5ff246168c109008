package io.runnel.runners.core.triggers;

import java.util.List;

/**
 * The executable form of a {@link io.runnel.windowing.Trigger}: reacts to elements, merges and
 * firings of one window, keeping its state in the window's {@link TriggerWindowState}. Instances
 * are immutable and shared by all windows; see {@link TriggerStateMachines#of} to build one.
 */
abstract class TriggerStateMachine {
  private final List<TriggerStateMachine> subMachines;

  TriggerStateMachine(List<TriggerStateMachine> subMachines) {
    this.subMachines = List.copyOf(subMachines);
  }

  final List<TriggerStateMachine> subMachines() {
    return subMachines;
  }

  /** An element arrived in the window. */
  abstract void onElement(TriggerContext c);

  /** Windows merged into {@code c.window()}; combine their states into the result's. */
  abstract void onMerge(TriggerContext c);

  /** Whether the trigger is ready to fire now. */
  abstract boolean shouldFire(TriggerContext c);

  /** The trigger fired (only called when {@link #shouldFire} held): update state, maybe finish. */
  abstract void onFire(TriggerContext c);

  /** Forgets this subtree's values (not its finished bits). */
  void clear(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeClear(c);
    }
  }
}
