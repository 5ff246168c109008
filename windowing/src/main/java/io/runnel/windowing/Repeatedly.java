package io.runnel.windowing;

import java.util.List;

/** Fires its sub-trigger over and over: each time it fires, it is reset. Never finishes. */
public final class Repeatedly extends Trigger {
  private static final long serialVersionUID = 1L;

  private Repeatedly(Trigger repeated) {
    super(List.of(repeated));
  }

  /** Repeats {@code trigger} forever. */
  public static Repeatedly forever(Trigger trigger) {
    return new Repeatedly(trigger);
  }

  public Trigger getRepeatedTrigger() {
    return subTriggers().get(0);
  }

  @Override
  public Trigger getContinuationTrigger() {
    return new Repeatedly(getRepeatedTrigger().getContinuationTrigger());
  }

  @Override
  public String toString() {
    return "Repeatedly.forever(" + getRepeatedTrigger() + ")";
  }
}
