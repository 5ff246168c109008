package io.runnel.windowing;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Decides when a window's pane is emitted. Triggers are immutable values: two triggers built the
 * same way are equal, and {@link #toString()} reads like the code that built them. The state
 * machine that runs a trigger lives in the runner core; this type only describes it.
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
   * Whether this trigger can finish, after which its window fires no more and later data for it
   * is dropped.
   */
  public boolean mayFinish() {
    return false;
  }

  /**
   * The trigger a downstream grouping uses for outputs of this one: it fires as soon as
   * upstream panes arrive, so a second grouping does not delay them further.
   */
  public Trigger getContinuationTrigger() {
    return this;
  }

  /** This trigger, finishing for good as soon as {@code until} fires. */
  public OrFinallyTrigger orFinally(OnceTrigger until) {
    return new OrFinallyTrigger(this, until);
  }

  /** Extra state for {@link #equals}: subclasses with parameters override it. */
  protected Object parameters() {
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass()
        && subTriggers.equals(((Trigger) other).subTriggers)
        && Objects.equals(parameters(), ((Trigger) other).parameters());
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), subTriggers, parameters());
  }

  @Override
  public abstract String toString();

  /** A trigger that fires at most once, e.g. {@code AfterPane.elementCountAtLeast(n)}. */
  public abstract static class OnceTrigger extends Trigger {
    private static final long serialVersionUID = 1L;

    protected OnceTrigger(List<Trigger> subTriggers) {
      super(subTriggers);
    }

    protected OnceTrigger() {
      super();
    }

    @Override
    public boolean mayFinish() {
      return true;
    }

    @Override
    public OnceTrigger getContinuationTrigger() {
      return this;
    }
  }

  static String join(List<Trigger> triggers) {
    StringBuilder out = new StringBuilder();
    for (Trigger trigger : triggers) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(trigger);
    }
    return out.toString();
  }
}
