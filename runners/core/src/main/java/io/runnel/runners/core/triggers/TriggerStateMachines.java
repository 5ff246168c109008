package io.runnel.runners.core.triggers;

import io.runnel.windowing.AfterAll;
import io.runnel.windowing.AfterEach;
import io.runnel.windowing.AfterFirst;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterSynchronizedProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.Never;
import io.runnel.windowing.OrFinallyTrigger;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Trigger;
import java.util.List;

/** Translates {@link Trigger} values into their state machines. */
final class TriggerStateMachines {
  private TriggerStateMachines() {}

  static TriggerStateMachine of(Trigger trigger) {
    if (trigger instanceof DefaultTrigger) {
      return new DefaultTriggerStateMachine();
    }
    if (trigger instanceof AfterWatermark.FromEndOfWindow) {
      return new AfterWatermarkStateMachine();
    }
    if (trigger instanceof AfterWatermark.AfterWatermarkEarlyAndLate t) {
      TriggerStateMachine early = t.getEarlyTrigger() == null
          ? new NeverStateMachine() : of(t.getEarlyTrigger());
      return new EarlyAndLateStateMachine(early, t.getLateTrigger() == null ? null : of(t.getLateTrigger()));
    }
    if (trigger instanceof AfterProcessingTime t) {
      return AfterProcessingTimeStateMachine.of(t);
    }
    if (trigger instanceof AfterSynchronizedProcessingTime) {
      return AfterProcessingTimeStateMachine.synchronizedWithUpstream();
    }
    if (trigger instanceof AfterPane t) {
      return new AfterPaneStateMachine(t.getElementCount());
    }
    if (trigger instanceof Never.NeverTrigger) {
      return new NeverStateMachine();
    }
    if (trigger instanceof Repeatedly t) {
      return new RepeatedlyStateMachine(of(t.getRepeatedTrigger()));
    }
    if (trigger instanceof AfterEach) {
      return new AfterEachStateMachine(subs(trigger));
    }
    if (trigger instanceof AfterFirst) {
      return new AfterFirstStateMachine(subs(trigger));
    }
    if (trigger instanceof AfterAll) {
      return new AfterAllStateMachine(subs(trigger));
    }
    if (trigger instanceof OrFinallyTrigger t) {
      return new OrFinallyStateMachine(of(t.getMainTrigger()), of(t.getUntilTrigger()));
    }
    throw new IllegalArgumentException("no state machine for trigger " + trigger
        + " (" + trigger.getClass().getName() + "); use one of the triggers in io.runnel.windowing");
  }

  private static List<TriggerStateMachine> subs(Trigger trigger) {
    return trigger.subTriggers().stream().map(TriggerStateMachines::of).toList();
  }
}
