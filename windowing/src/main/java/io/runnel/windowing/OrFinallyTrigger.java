package io.runnel.windowing;

import java.util.List;

/** {@code main.orFinally(until)}: fires as {@code main} does, and finishes when {@code until} fires. */
public final class OrFinallyTrigger extends Trigger {
  private static final long serialVersionUID = 1L;

  OrFinallyTrigger(Trigger main, OnceTrigger until) {
    super(List.of(main, until));
  }

  public Trigger getMainTrigger() {
    return subTriggers().get(0);
  }

  public OnceTrigger getUntilTrigger() {
    return (OnceTrigger) subTriggers().get(1);
  }

  @Override
  public boolean mayFinish() {
    return true;
  }

  @Override
  public Trigger getContinuationTrigger() {
    return getMainTrigger().getContinuationTrigger()
        .orFinally(getUntilTrigger().getContinuationTrigger());
  }

  @Override
  public String toString() {
    return getMainTrigger() + ".orFinally(" + getUntilTrigger() + ")";
  }
}
