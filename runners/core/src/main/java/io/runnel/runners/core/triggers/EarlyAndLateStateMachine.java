package io.runnel.runners.core.triggers;

import io.runnel.sdk.state.TimeDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code AfterWatermark.pastEndOfWindow().withEarlyFirings(e).withLateFirings(l)}. Before the
 * end of the window it fires whenever {@code e} fires (resetting {@code e} each time) and once the
 * watermark passes the end; after that, whenever {@code l} fires (resetting it), or, without
 * {@code l}, it is finished. Sub-tree 0 is the early trigger ({@code Never} when absent), 1 the
 * late one. The early trigger's finished bit marks "past the end of the window".
 */
final class EarlyAndLateStateMachine extends TriggerStateMachine {
  private static final int EARLY = 0;
  private static final int LATE = 1;
  private final boolean hasLate;

  EarlyAndLateStateMachine(TriggerStateMachine early, TriggerStateMachine late) {
    super(parts(early, late));
    this.hasLate = late != null;
  }

  private static List<TriggerStateMachine> parts(TriggerStateMachine early, TriggerStateMachine late) {
    List<TriggerStateMachine> parts = new ArrayList<>();
    parts.add(early);
    if (late != null) {
      parts.add(late);
    }
    return parts;
  }

  @Override
  void onElement(TriggerContext c) {
    if (!c.endOfWindowReached()) {
      c.setTimer(c.window().maxTimestamp(), TimeDomain.EVENT_TIME);
    }
    if (!c.isMerging()) {
      TriggerNode current = c.firstUnfinishedSubTrigger();
      if (current != null) {
        current.invokeOnElement(c);
      }
      return;
    }
    // With merging windows a finished phase may come back, so every phase keeps its state.
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnElement(c);
    }
  }

  @Override
  void onMerge(TriggerContext c) {
    TriggerNode early = c.subTrigger(EARLY);
    TriggerContext earlyContext = c.forNode(early);
    if (!earlyContext.finishedInAllMergingWindows() || !c.endOfWindowReached()) {
      early.invokeOnMerge(c);
      earlyContext.setFinished(false);
      if (hasLate) {
        TriggerNode late = c.subTrigger(LATE);
        c.forNode(late).setFinished(false);
        late.invokeClear(c);
      }
    } else {
      earlyContext.setFinished(true);
      if (hasLate) {
        c.subTrigger(LATE).invokeOnMerge(c);
      }
    }
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    if (!c.isFinished(c.subTrigger(EARLY))) {
      return c.subTrigger(EARLY).invokeShouldFire(c) || c.endOfWindowReached();
    }
    return hasLate && c.subTrigger(LATE).invokeShouldFire(c);
  }

  @Override
  void onFire(TriggerContext c) {
    TriggerNode early = c.subTrigger(EARLY);
    if (!c.isFinished(early)) {
      onFireBeforeLatePhase(c, early);
    } else if (hasLate) {
      TriggerNode late = c.subTrigger(LATE);
      late.invokeOnFire(c);
      late.invokeClear(c);
      c.forNode(late).setFinished(false);
    } else {
      c.setFinished(true);
    }
  }

  private void onFireBeforeLatePhase(TriggerContext c, TriggerNode early) {
    TriggerContext earlyContext = c.forNode(early);
    if (!c.endOfWindowReached()) {
      early.invokeOnFire(c);
      early.invokeClear(c);
      earlyContext.setFinished(false);
      return;
    }
    // The on-time firing: the early phase is over for good.
    if (early.invokeShouldFire(c)) {
      early.invokeOnFire(c);
    }
    earlyContext.setFinished(true);
    early.invokeClear(c);
    if (hasLate) {
      c.subTrigger(LATE).invokeClear(c);
    } else {
      c.setFinished(true);
    }
  }
}
