package io.runnel.windowing;

/** Fires once the pane holds at least a number of elements. */
public final class AfterPane extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;
  private final int count;

  private AfterPane(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("AfterPane.elementCountAtLeast needs a count >= 1: " + count);
    }
    this.count = count;
  }

  /** Fires when the pane has at least {@code count} elements. */
  public static AfterPane elementCountAtLeast(int count) {
    return new AfterPane(count);
  }

  public int getElementCount() {
    return count;
  }

  @Override
  public OnceTrigger getContinuationTrigger() {
    return elementCountAtLeast(1);
  }

  @Override
  protected Object parameters() {
    return count;
  }

  @Override
  public String toString() {
    return "AfterPane.elementCountAtLeast(" + count + ")";
  }
}
