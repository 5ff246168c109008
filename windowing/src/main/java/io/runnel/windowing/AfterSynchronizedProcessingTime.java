package io.runnel.windowing;

/**
 * The continuation of a processing-time trigger downstream of a grouping: fires as soon as the
 * upstream processing-time firing that produced the pane has been delivered. Not for users to
 * build; it appears in the windowing strategy of a grouping's output.
 */
public final class AfterSynchronizedProcessingTime extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;
  private static final AfterSynchronizedProcessingTime INSTANCE = new AfterSynchronizedProcessingTime();

  private AfterSynchronizedProcessingTime() {}

  public static AfterSynchronizedProcessingTime ofFirstElement() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "AfterSynchronizedProcessingTime.pastFirstElementInPane()";
  }
}
