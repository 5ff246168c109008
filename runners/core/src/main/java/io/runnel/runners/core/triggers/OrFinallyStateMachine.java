package io.runnel.runners.core.triggers;

import java.util.List;

/**
 * Runs {@code main.orFinally(until)}: ready when either is; when {@code until} is ready it fires
 * and everything finishes, otherwise {@code main} fires and this finishes only if {@code main}
 * did. {@code until} keeps counting across firings of {@code main}.
 */
final class OrFinallyStateMachine extends TriggerStateMachine {
  private static final int MAIN = 0;
  private static final int UNTIL = 1;

  OrFinallyStateMachine(TriggerStateMachine main, TriggerStateMachine until) {
    super(List.of(main, until));
  }

  @Override
  void onElement(TriggerContext c) {
    c.subTrigger(MAIN).invokeOnElement(c);
    c.subTrigger(UNTIL).invokeOnElement(c);
  }

  @Override
  void onMerge(TriggerContext c) {
    for (TriggerNode sub : c.subTriggers()) {
      sub.invokeOnMerge(c);
    }
    updateFinished(c);
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    return c.subTrigger(MAIN).invokeShouldFire(c) || c.subTrigger(UNTIL).invokeShouldFire(c);
  }

  @Override
  void onFire(TriggerContext c) {
    TriggerNode main = c.subTrigger(MAIN);
    TriggerNode until = c.subTrigger(UNTIL);
    if (until.invokeShouldFire(c)) {
      until.invokeOnFire(c);
      main.invokeClear(c);
    } else {
      main.invokeOnFire(c);
    }
    updateFinished(c);
  }

  private static void updateFinished(TriggerContext c) {
    boolean any = false;
    for (TriggerNode sub : c.subTriggers()) {
      any |= c.isFinished(sub);
    }
    c.setFinished(any);
  }
}
