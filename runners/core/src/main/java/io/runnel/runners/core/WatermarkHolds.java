package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy.ClosingBehavior;
import java.time.Duration;
import java.time.Instant;

/**
 * Beam's watermark-hold rules for one grouping. An element holds the output watermark at its
 * output time (per the timestamp combiner) unless that is already behind the output watermark or
 * its window's end is behind the input watermark; then it holds at the window's
 * garbage-collection time instead, and its pane is stamped with the end of the window.
 *
 * <p>There are no end-of-window holds. After a pane that does not finish the window, a
 * garbage-collection hold is put back only under {@link ClosingBehavior#FIRE_ALWAYS}, so that the
 * possibly empty final pane is not droppably late downstream. Stateless.
 */
final class WatermarkHolds {
  private final WindowFn<?, BoundedWindow> windowFn;
  private final TimestampCombiner combiner;
  private final Duration allowedLateness;
  private final ClosingBehavior closing;

  @SuppressWarnings("unchecked")
  WatermarkHolds(WindowFn<?, ?> windowFn, TimestampCombiner combiner, Duration allowedLateness,
      ClosingBehavior closing) {
    this.windowFn = (WindowFn<?, BoundedWindow>) windowFn;
    this.combiner = combiner;
    this.allowedLateness = allowedLateness;
    this.closing = closing;
  }

  /** When the window's state is dropped: its end plus the allowed lateness, capped at the end of the global window. */
  Instant garbageCollectionTime(BoundedWindow window) {
    return WindowExpiries.garbageCollectionTime(window, allowedLateness);
  }

  /** Whether the window is past its allowed lateness: elements for it are dropped. */
  boolean isExpired(BoundedWindow window, Instant inputWatermark) {
    return window.maxTimestamp().plus(allowedLateness).isBefore(inputWatermark);
  }

  /** Adds the hold of an element at {@code timestamp} to the record of {@code window}. */
  void addElement(WindowRecord state, BoundedWindow window, Instant timestamp, Instant inputWm,
      Instant outputWm) {
    Instant hold = combiner.assign(window, windowFn.getOutputTime(timestamp, window));
    if (!addElementHold(state, window, hold, inputWm, outputWm)) {
      addGarbageCollectionHold(state, window, inputWm, false);
    }
  }

  /** Sets the holds of a window made by merging: per the combiner, plus a garbage-collection hold. */
  void onMerge(WindowRecord result, BoundedWindow window, Iterable<WindowRecord> sources,
      Instant inputWm, Instant outputWm) {
    if (combiner == TimestampCombiner.END_OF_WINDOW) {
      addElementHold(result, window, window.maxTimestamp(), inputWm, outputWm);
    } else {
      for (WindowRecord source : sources) {
        if (source.elementHold != null) {
          result.elementHold = result.elementHold == null
              ? source.elementHold : combiner.combine(result.elementHold, source.elementHold);
        }
      }
    }
    addGarbageCollectionHold(result, window, inputWm, false);
  }

  /**
   * The pane's output timestamp: the earliest hold, or the end of the window if there is none or
   * it is the garbage-collection hold. Releases the window's holds; unless the pane finishes the
   * window, puts back a garbage-collection hold for an empty final pane (see the class comment).
   */
  Instant extractAndRelease(WindowRecord state, BoundedWindow window, boolean isFinished,
      Instant inputWm) {
    Instant hold = state.hold();
    state.elementHold = null;
    state.extraHold = null;
    if (!isFinished) {
      addGarbageCollectionHold(state, window, inputWm, true);
    }
    if (hold == null || hold.isAfter(window.maxTimestamp())) {
      return window.maxTimestamp();
    }
    return hold;
  }

  private boolean addElementHold(WindowRecord state, BoundedWindow window, Instant hold,
      Instant inputWm, Instant outputWm) {
    if (hold.isBefore(outputWm) || window.maxTimestamp().isBefore(inputWm)) {
      return false;
    }
    state.elementHold = state.elementHold == null ? hold : combiner.combine(state.elementHold, hold);
    return true;
  }

  /**
   * Holds at the garbage-collection time, unless that is already behind the input watermark, or
   * the hold would only serve an empty final pane ({@code paneIsEmpty}) that is not wanted.
   */
  private void addGarbageCollectionHold(WindowRecord state, BoundedWindow window,
      Instant inputWm, boolean paneIsEmpty) {
    Instant gc = garbageCollectionTime(window);
    if (gc.isBefore(inputWm) || (paneIsEmpty && closing == ClosingBehavior.FIRE_IF_NON_EMPTY)) {
      return;
    }
    if (!gc.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
      gc = BoundedWindow.TIMESTAMP_MAX_VALUE.minusMillis(1);
    }
    state.extraHold = state.extraHold == null || gc.isBefore(state.extraHold) ? gc : state.extraHold;
  }
}
