package io.runnel.windowing;

/** A trigger that never fires; with allowed lateness, its window fires once when it closes. */
public final class Never {
  private Never() {}

  /** The trigger that never fires. */
  public static NeverTrigger ever() {
    return NeverTrigger.INSTANCE;
  }

  /** See {@link Never#ever()}. */
  public static final class NeverTrigger extends Trigger.OnceTrigger {
    private static final long serialVersionUID = 1L;
    static final NeverTrigger INSTANCE = new NeverTrigger();

    private NeverTrigger() {}

    @Override
    public String toString() {
      return "Never.ever()";
    }
  }
}
