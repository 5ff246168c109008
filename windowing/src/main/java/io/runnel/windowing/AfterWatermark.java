package io.runnel.windowing;

import java.util.ArrayList;
import java.util.List;

/**
 * Fires when the input watermark passes the end of the window: the on-time pane. With {@link
 * FromEndOfWindow#withEarlyFirings} it also fires speculatively before, and with {@link
 * FromEndOfWindow#withLateFirings} again for late data after.
 */
public final class AfterWatermark {
  private AfterWatermark() {}

  /** Fires once when the watermark passes the end of the window. */
  public static FromEndOfWindow pastEndOfWindow() {
    return FromEndOfWindow.INSTANCE;
  }

  /** See {@link AfterWatermark#pastEndOfWindow()}. */
  public static final class FromEndOfWindow extends Trigger.OnceTrigger {
    private static final long serialVersionUID = 1L;
    static final FromEndOfWindow INSTANCE = new FromEndOfWindow();

    private FromEndOfWindow() {}

    /** Also fires before the end of the window, each time {@code early} fires. */
    public AfterWatermarkEarlyAndLate withEarlyFirings(OnceTrigger early) {
      return new AfterWatermarkEarlyAndLate(early, null);
    }

    /** Also fires after the end of the window, each time {@code late} fires. */
    public AfterWatermarkEarlyAndLate withLateFirings(OnceTrigger late) {
      return new AfterWatermarkEarlyAndLate(null, late);
    }

    @Override
    public String toString() {
      return "AfterWatermark.pastEndOfWindow()";
    }
  }

  /**
   * The watermark trigger with early and/or late firings. Without late firings it finishes after
   * the on-time pane, so later data for the window is dropped.
   */
  public static final class AfterWatermarkEarlyAndLate extends Trigger {
    private static final long serialVersionUID = 1L;
    private final OnceTrigger early;
    private final OnceTrigger late;

    AfterWatermarkEarlyAndLate(OnceTrigger early, OnceTrigger late) {
      super(parts(early, late));
      this.early = early;
      this.late = late;
    }

    private static List<Trigger> parts(OnceTrigger early, OnceTrigger late) {
      List<Trigger> parts = new ArrayList<>();
      parts.add(FromEndOfWindow.INSTANCE);
      if (early != null) {
        parts.add(early);
      }
      if (late != null) {
        parts.add(late);
      }
      return parts;
    }

    /** This trigger with early firings by {@code newEarly}. */
    public AfterWatermarkEarlyAndLate withEarlyFirings(OnceTrigger newEarly) {
      return new AfterWatermarkEarlyAndLate(newEarly, late);
    }

    /** This trigger with late firings by {@code newLate}. */
    public AfterWatermarkEarlyAndLate withLateFirings(OnceTrigger newLate) {
      return new AfterWatermarkEarlyAndLate(early, newLate);
    }

    /** The early trigger, or null. */
    public OnceTrigger getEarlyTrigger() {
      return early;
    }

    /** The late trigger, or null. */
    public OnceTrigger getLateTrigger() {
      return late;
    }

    @Override
    public boolean mayFinish() {
      return late == null;
    }

    @Override
    public Trigger getContinuationTrigger() {
      return new AfterWatermarkEarlyAndLate(
          early == null ? null : early.getContinuationTrigger(),
          late == null ? null : late.getContinuationTrigger());
    }

    @Override
    protected Object parameters() {
      return (early == null ? "-" : "E") + (late == null ? "-" : "L");
    }

    @Override
    public String toString() {
      return "AfterWatermark.pastEndOfWindow()"
          + (early == null ? "" : ".withEarlyFirings(" + early + ")")
          + (late == null ? "" : ".withLateFirings(" + late + ")");
    }
  }
}
