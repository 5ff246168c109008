package io.runnel.windowing;

import java.util.Arrays;
import java.util.List;

/** Fires once, when the first of its sub-triggers fires. */
public final class AfterFirst extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  AfterFirst(List<Trigger> triggers) {
    super(triggers);
  }

  /** Fires when any of {@code triggers} fires. */
  public static AfterFirst of(OnceTrigger... triggers) {
    return of(Arrays.<Trigger>asList(triggers));
  }

  /** Fires when any of {@code triggers} fires. */
  public static AfterFirst of(List<? extends Trigger> triggers) {
    if (triggers.isEmpty()) {
      throw new IllegalArgumentException("AfterFirst.of needs at least one trigger");
    }
    return new AfterFirst(List.copyOf(triggers));
  }

  @Override
  public OnceTrigger getContinuationTrigger() {
    return new AfterFirst(subTriggers().stream().map(Trigger::getContinuationTrigger).toList());
  }

  @Override
  public String toString() {
    return "AfterFirst.of(" + join(subTriggers()) + ")";
  }
}
