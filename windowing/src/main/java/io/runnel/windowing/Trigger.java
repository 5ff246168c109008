package io.runnel.windowing;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Decides when a window's pane is emitted. Triggers are immutable values: two triggers built the
 * same way are equal, and {@link #toString()} reads like the code that built them. The state
 * machine that runs a trigger lives in the runner core, not here.
 */
public abstract class Trigger implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Trigger> subTriggers;

  protected Trigger(List<Trigger> subTriggers) {
    this.subTriggers = List.copyOf(subTriggers);
  }

  protected Trigger() {
    this(List.of());
  }

  /** The triggers this one is composed of, in order. */
  public List<Trigger> subTriggers() {
    return subTriggers;
  }

  /**
   * Whether this trigger may fire more than once per window. Unsafe triggers that never fire
   * again after finishing lose data that arrives later.
   */
  public boolean mayFinish() {
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass()
        && subTriggers.equals(((Trigger) other).subTriggers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), subTriggers);
  }

  /** A trigger that fires at most once, e.g. {@code AfterPane.elementCountAtLeast(n)}. */
  public abstract static class OnceTrigger extends Trigger {
    private static final long serialVersionUID = 1L;

    protected OnceTrigger(List<Trigger> subTriggers) {
      super(subTriggers);
    }

    @Override
    public boolean mayFinish() {
      return true;
    }
  }
}
