package io.runnel.runners.core.triggers;

import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.Trigger;
import java.util.List;

/**
 * Runs the state machine of one {@link Trigger} for any number of windows, each with its own
 * {@link TriggerWindowState}. The window's trigger is <em>closed</em> once the root has finished:
 * it never fires again and later elements of the window are dropped. Immutable; the states it is
 * given belong to the calling thread.
 */
public final class TriggerStateMachineRunner {
  private final TriggerNode root;
  private final boolean mergingWindowFn;

  /**
   * @param trigger the trigger to run
   * @param mergingWindowFn whether windows may merge (sub-triggers then keep state even when
   *     finished, since a merge can revive them)
   */
  public TriggerStateMachineRunner(Trigger trigger, boolean mergingWindowFn) {
    this.root = TriggerNode.build(TriggerStateMachines.of(trigger), 0);
    this.mergingWindowFn = mergingWindowFn;
  }

  /** The state of a window the trigger has not seen yet. */
  public TriggerWindowState newState() {
    return new TriggerWindowState(root.endIndex());
  }

  /** Whether the trigger has finished in the window of {@code state}. */
  public boolean isClosed(TriggerWindowState state) {
    return state.isFinished(root.index());
  }

  /** Tells the trigger that an element arrived in {@code window}. */
  public void processValue(BoundedWindow window, TriggerWindowState state, TriggerTimers timers) {
    root.invokeOnElement(context(window, state, timers, null));
  }

  /**
   * Merges the trigger states of {@code merging} (the active windows being merged) into {@code
   * result}, the state of the merge result window (already holding the result window's own state
   * when it existed).
   */
  public void onMerge(BoundedWindow window, TriggerWindowState result,
      List<TriggerWindowState> merging, TriggerTimers timers) {
    root.invokeOnMerge(context(window, result, timers, merging));
  }

  /** Whether the trigger is ready to fire in {@code window}. */
  public boolean shouldFire(BoundedWindow window, TriggerWindowState state, TriggerTimers timers) {
    return !isClosed(state) && root.invokeShouldFire(context(window, state, timers, null));
  }

  /** Records a firing; afterwards {@link #isClosed} tells whether it was the last. */
  public void onFire(BoundedWindow window, TriggerWindowState state, TriggerTimers timers) {
    root.invokeOnFire(context(window, state, timers, null));
  }

  /** Forgets the trigger's values for the window but keeps the finished bits. */
  public void clearState(BoundedWindow window, TriggerWindowState state, TriggerTimers timers) {
    root.invokeClear(context(window, state, timers, null));
  }

  private TriggerContext context(BoundedWindow window, TriggerWindowState state,
      TriggerTimers timers, List<TriggerWindowState> merging) {
    return new TriggerContext(root, window, state, timers, mergingWindowFn, merging);
  }
}
