package io.runnel.windowing;

import java.util.Arrays;
import java.util.List;

/** Fires once, when all of its sub-triggers have fired. */
public final class AfterAll extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;

  private AfterAll(List<Trigger> triggers) {
    super(triggers);
  }

  /** Fires when every one of {@code triggers} has fired. */
  public static AfterAll of(OnceTrigger... triggers) {
    return of(Arrays.<Trigger>asList(triggers));
  }

  /** Fires when every one of {@code triggers} has fired. */
  public static AfterAll of(List<? extends Trigger> triggers) {
    if (triggers.isEmpty()) {
      throw new IllegalArgumentException("AfterAll.of needs at least one trigger");
    }
    return new AfterAll(List.copyOf(triggers));
  }

  @Override
  public OnceTrigger getContinuationTrigger() {
    return new AfterAll(subTriggers().stream().map(Trigger::getContinuationTrigger).toList());
  }

  @Override
  public String toString() {
    return "AfterAll.of(" + join(subTriggers()) + ")";
  }
}
