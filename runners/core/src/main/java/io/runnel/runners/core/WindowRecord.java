package io.runnel.runners.core;

import io.runnel.runners.core.triggers.TriggerWindowState;
import io.runnel.runners.core.triggers.TriggerWindowStateCoder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.windowing.PaneInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link WindowedGrouping} keeps for one key and window besides the pane contents, as one
 * state cell: the elements since the last pane, the watermark holds, the last pane emitted, the
 * trigger's state, and the trigger timers it has set (so setting one again costs nothing). A
 * window whose trigger finished keeps its record (with only its finished bits) until garbage
 * collection, so late elements for it are dropped. Mutable; read, changed and written back by
 * the grouping's thread.
 */
final class WindowRecord {
  /** Elements added since the last pane fired: Beam's "non-empty pane" test. */
  long pendingElements;
  /** The hold of the buffered elements, combined by the timestamp combiner; null if none. */
  Instant elementHold;
  /** The hold at garbage-collection time placed for late elements or merges; null if none. */
  Instant extraHold;
  /** The last pane emitted for the window, or null before the first. */
  PaneInfo lastPane;
  TriggerWindowState trigger;
  /**
   * The window, for a merging window function, whose state lives under a state address rather
   * than the window's encoding (see {@link MergingWindows}); null otherwise.
   */
  io.runnel.windowing.BoundedWindow window;
  /** The trigger timers pending for the window, as (domain, time) pairs. */
  final List<TriggerTimer> triggerTimers = new ArrayList<>(2);
  /**
   * The hold the grouping's {@link HoldIndex} has for this record, so that an unchanged hold
   * costs no index update; not part of the state (a restored record starts without it).
   */
  transient Instant indexedHold;
  transient boolean indexed;
  /** This record's entry in the grouping's {@link HoldIndex}, or null; not part of the state. */
  transient HoldIndex.Entry holdEntry;
  /** What the timer service returned for the garbage-collection timer; not part of the state. */
  transient Object gcTimerHandle;
  /** What the timer service returned for the end-of-window trigger timer; not part of the state. */
  transient Object eowTimerHandle;

  /**
   * Takes over the transient handles of {@code previous}, the record this one replaces at the
   * same state address (its hold index entry and timer handles stay valid there).
   */
  void takeHandles(WindowRecord previous) {
    indexedHold = previous.indexedHold;
    indexed = previous.indexed;
    holdEntry = previous.holdEntry;
    gcTimerHandle = previous.gcTimerHandle;
    eowTimerHandle = previous.eowTimerHandle;
  }

  /**
   * A pending timer a trigger asked for. The event-time timer at the end of the window (what
   * watermark triggers set) has the id {@code "eow"}, so that moving a growing session's end
   * moves its timer instead of deleting one and setting another; others are named by time.
   */
  record TriggerTimer(TimeDomain domain, Instant time, String id) {
    /** The id of the event-time timer at the end of the window. */
    static final String END_OF_WINDOW = "eow";

    static TriggerTimer of(TimeDomain domain, Instant time, Instant windowMaxTimestamp) {
      String id = domain == TimeDomain.EVENT_TIME && time.equals(windowMaxTimestamp) ? END_OF_WINDOW
          : (domain == TimeDomain.EVENT_TIME ? "e" : "p") + time.getEpochSecond() + "."
              + time.getNano();
      return new TriggerTimer(domain, time, id);
    }
  }

  WindowRecord(TriggerWindowState trigger) {
    this.trigger = trigger;
  }

  /** The earlier of the two holds, or null. */
  Instant hold() {
    if (elementHold == null) {
      return extraHold;
    }
    return extraHold == null || elementHold.isBefore(extraHold) ? elementHold : extraHold;
  }

  /** Encodes a record with full-precision times (and its window, if any). Deterministic. */
  static final class Coder extends CustomCoder<WindowRecord> {
    private static final long serialVersionUID = 1L;
    private final io.runnel.sdk.coders.Coder<io.runnel.windowing.BoundedWindow> windowCoder;

    Coder(io.runnel.sdk.coders.Coder<io.runnel.windowing.BoundedWindow> windowCoder) {
      this.windowCoder = windowCoder;
    }

    @Override
    public void encode(WindowRecord record, OutputStream out) throws IOException {
      VarLongCoder.of().encode(record.pendingElements, out);
      writeInstant(record.elementHold, out);
      writeInstant(record.extraHold, out);
      out.write(record.lastPane == null ? 0 : 1);
      if (record.lastPane != null) {
        PaneInfo.PaneInfoCoder.of().encode(record.lastPane, out);
      }
      TriggerWindowStateCoder.of().encode(record.trigger, out);
      VarLongCoder.of().encode((long) record.triggerTimers.size(), out);
      for (TriggerTimer timer : record.triggerTimers) {
        out.write(timer.domain().ordinal());
        InstantCoder.of().encode(timer.time(), out);
        io.runnel.sdk.coders.StringUtf8Coder.of().encode(timer.id(), out);
      }
      out.write(record.window == null ? 0 : 1);
      if (record.window != null) {
        windowCoder.encode(record.window, out);
      }
    }

    @Override
    public WindowRecord decode(InputStream in) throws IOException {
      long pending = VarLongCoder.of().decode(in);
      Instant elementHold = readInstant(in);
      Instant extraHold = readInstant(in);
      PaneInfo lastPane = readByte(in) == 0 ? null : PaneInfo.PaneInfoCoder.of().decode(in);
      WindowRecord record = new WindowRecord(TriggerWindowStateCoder.of().decode(in));
      record.pendingElements = pending;
      record.elementHold = elementHold;
      record.extraHold = extraHold;
      record.lastPane = lastPane;
      long timers = VarLongCoder.of().decode(in);
      for (long i = 0; i < timers; i++) {
        TimeDomain domain = TimeDomain.values()[readByte(in)];
        Instant time = InstantCoder.of().decode(in);
        record.triggerTimers.add(new TriggerTimer(domain, time,
            io.runnel.sdk.coders.StringUtf8Coder.of().decode(in)));
      }
      if (readByte(in) != 0) {
        record.window = windowCoder.decode(in);
      }
      return record;
    }

    @Override
    public void verifyDeterministic() {}

    private static void writeInstant(Instant instant, OutputStream out) throws IOException {
      out.write(instant == null ? 0 : 1);
      if (instant != null) {
        InstantCoder.of().encode(instant, out);
      }
    }

    private static Instant readInstant(InputStream in) throws IOException {
      return readByte(in) == 0 ? null : InstantCoder.of().decode(in);
    }

    private static int readByte(InputStream in) throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new CoderException("stream ended inside a window record");
      }
      return b;
    }
  }
}
