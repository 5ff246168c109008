package io.runnel.runners.core;

import io.runnel.runners.core.triggers.TriggerWindowState;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Everything a {@link WindowedGrouping} keeps for one key and window: pane contents, the count of
 * elements since the last pane, watermark holds, the last pane emitted, trigger state and pending
 * timers. A window whose trigger finished stays (as closed, with only its finished bits) until
 * garbage collection, so late elements for it are dropped.
 */
final class WindowState<K, InputT, OutputT> {
  final KeyState<K, InputT, OutputT> key;
  final BoundedWindow window;
  PaneContents<InputT, OutputT> contents;
  /** Elements added since the last pane fired: Beam's "non-empty pane" test. */
  long pendingElements;
  /** The hold of the buffered elements, combined by the timestamp combiner; null if none. */
  Instant elementHold;
  /** The hold at garbage-collection time placed for late elements or merges; null if none. */
  Instant extraHold;
  /** The last pane emitted for the window, or null before the first. */
  PaneInfo lastPane;
  final TriggerWindowState trigger;
  final Set<GroupingTimers.Timer> timers = new LinkedHashSet<>();

  WindowState(KeyState<K, InputT, OutputT> key, BoundedWindow window,
      PaneContents<InputT, OutputT> contents, TriggerWindowState trigger) {
    this.key = key;
    this.window = window;
    this.contents = contents;
    this.trigger = trigger;
  }

  /** The earlier of the two holds, or null. */
  Instant hold() {
    if (elementHold == null) {
      return extraHold;
    }
    return extraHold == null || elementHold.isBefore(extraHold) ? elementHold : extraHold;
  }
}
