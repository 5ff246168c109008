package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.PaneInfo.Timing;
import java.time.Instant;

/**
 * Describes the next pane of a window as Beam's pane tracker does: EARLY while the input watermark
 * has not passed the end of the window, then one ON_TIME pane, then LATE; a pane is LATE as well
 * when the output watermark is already past the window's end. EARLY panes have non-speculative
 * index -1.
 */
final class PaneTiming {
  private PaneTiming() {}

  static PaneInfo next(BoundedWindow window, PaneInfo previous, boolean isLast, Instant inputWm,
      Instant outputWm) {
    boolean isFirst = previous == null;
    long index = isFirst ? 0 : previous.getIndex() + 1;
    long nonSpeculativeIndex = isFirst ? 0 : previous.getNonSpeculativeIndex() + 1;
    boolean lateForOutput = window.maxTimestamp().isBefore(outputWm);
    boolean onlyEarlySoFar = isFirst || previous.getTiming() == Timing.EARLY;
    Timing timing;
    if (lateForOutput || !onlyEarlySoFar) {
      timing = Timing.LATE;
    } else if (!inputWm.isAfter(window.maxTimestamp())) {
      timing = Timing.EARLY;
      nonSpeculativeIndex = -1;
    } else {
      timing = Timing.ON_TIME;
    }
    return PaneInfo.createPane(isFirst, isLast, timing, index, nonSpeculativeIndex);
  }
}
