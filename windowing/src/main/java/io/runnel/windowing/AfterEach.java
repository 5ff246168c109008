package io.runnel.windowing;

import java.util.Arrays;
import java.util.List;

/** Runs its sub-triggers one after another: fires when the current one fires, then moves on. */
public final class AfterEach extends Trigger {
  private static final long serialVersionUID = 1L;

  private AfterEach(List<Trigger> triggers) {
    super(triggers);
  }

  /** Fires for {@code triggers} in order; finishes after the last one finishes. */
  public static AfterEach inOrder(Trigger... triggers) {
    if (triggers.length == 0) {
      throw new IllegalArgumentException("AfterEach.inOrder needs at least one trigger");
    }
    return new AfterEach(Arrays.asList(triggers));
  }

  /** Fires for {@code triggers} in order; finishes after the last one finishes. */
  public static AfterEach inOrder(List<Trigger> triggers) {
    return inOrder(triggers.toArray(new Trigger[0]));
  }

  @Override
  public boolean mayFinish() {
    return subTriggers().get(subTriggers().size() - 1).mayFinish();
  }

  @Override
  public Trigger getContinuationTrigger() {
    return Repeatedly.forever(new AfterFirst(subTriggers().stream()
        .map(t -> (Trigger) onceContinuation(t)).toList()));
  }

  private static OnceTrigger onceContinuation(Trigger trigger) {
    Trigger continuation = trigger.getContinuationTrigger();
    return continuation instanceof OnceTrigger once ? once : AfterPane.elementCountAtLeast(1);
  }

  @Override
  public String toString() {
    return "AfterEach.inOrder(" + join(subTriggers()) + ")";
  }
}
