package io.runnel.testing.conformance;

import io.runnel.testing.conformance.WindowingCase.AddElements;
import io.runnel.testing.conformance.WindowingCase.AdvanceWatermark;
import io.runnel.testing.conformance.WindowingCase.Element;
import io.runnel.testing.conformance.WindowingCase.Interval;
import io.runnel.testing.conformance.WindowingCase.Step;
import java.io.Serializable;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected final result of a {@link WindowingCase}, computed in plain Java without the SDK:
 * which elements the model drops, and the batch sum of the rest per key and final window.
 *
 * <p>It walks the script keeping the input watermark (the last {@code advanceWatermarkTo}) and,
 * per key, the live windows with their sums:
 *
 * <ul>
 *   <li>An element is dropped from one of its (proto-)windows when that window's max timestamp
 *       plus the allowed lateness is before the watermark at the element's arrival; otherwise it is
 *       added to that window. For sessions the proto-window is {@code [ts, ts + gap)}, and it is
 *       merged with every live window of the key it overlaps (sharing an instant; touching windows
 *       stay apart), the sums added.
 *   <li>When the watermark passes a live window's max timestamp plus the allowed lateness, the
 *       window is garbage-collected: its sum is final. A later session proto-window that would
 *       have overlapped it starts a new session, since the old one's state is gone. At the end of
 *       the script (watermark at infinity) every live window is final.
 * </ul>
 *
 * Processing-time advances do not change the final result; triggers only decide when panes are
 * emitted, and none of the property's triggers finishes.
 */
final class WindowingOracle {
  /** A window of one key. */
  record KeyedWindow(String key, Interval window) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return key + " [" + window.start() / 1000 + "s, " + window.end() / 1000 + "s)";
    }
  }

  /**
   * @param finalSums the sum of the surviving elements per key and final window
   * @param dropped the number of (element, window) pairs dropped as too late
   * @param lateAdmitted the number of (element, window) pairs added after the watermark had
   *     passed the window's end, but within the allowed lateness
   * @param merges how many times a session proto-window merged with a live session
   */
  record Result(Map<KeyedWindow, Long> finalSums, int dropped, int lateAdmitted, int merges) {}

  private final WindowingCase windowingCase;
  private final long allowedLateness;
  private final Map<String, Map<Interval, Long>> live = new LinkedHashMap<>();
  private final Map<KeyedWindow, Long> finalSums = new LinkedHashMap<>();
  private long watermark = Long.MIN_VALUE;
  private int dropped;
  private int lateAdmitted;
  private int merges;

  private WindowingOracle(WindowingCase windowingCase) {
    this.windowingCase = windowingCase;
    this.allowedLateness = windowingCase.allowedLateness().toMillis();
  }

  /** Runs the oracle over the whole script of {@code windowingCase}. */
  static Result expected(WindowingCase windowingCase) {
    WindowingOracle oracle = new WindowingOracle(windowingCase);
    for (Step step : windowingCase.script()) {
      if (step instanceof AdvanceWatermark advance) {
        oracle.advanceWatermark(advance.millis());
      } else if (step instanceof AddElements add) {
        add.elements().forEach(oracle::add);
      }
    }
    oracle.advanceWatermark(Long.MAX_VALUE);
    return new Result(Map.copyOf(oracle.finalSums), oracle.dropped, oracle.lateAdmitted,
        oracle.merges);
  }

  private boolean expired(Interval window) {
    return watermark > window.maxTimestamp() + allowedLateness;
  }

  private void add(Element element) {
    for (Interval window : windowingCase.shape().assign(element.millis())) {
      if (expired(window)) {
        dropped++;
        continue;
      }
      if (watermark > window.maxTimestamp()) {
        lateAdmitted++;
      }
      Map<Interval, Long> windows = live.computeIfAbsent(element.key(), k -> new LinkedHashMap<>());
      Interval target = window;
      long sum = element.value();
      if (windowingCase.shape().merges()) {
        // Live sessions are disjoint; the union of those overlapping the new one is an interval.
        List<Interval> overlapping = windows.keySet().stream().filter(window::overlaps).toList();
        for (Interval other : overlapping) {
          target = target.span(other);
          sum += windows.remove(other);
          merges++;
        }
      }
      windows.merge(target, sum, Long::sum);
    }
  }

  private void advanceWatermark(long millis) {
    watermark = millis;
    live.forEach((key, windows) -> windows.entrySet().removeIf(window -> {
      if (!expired(window.getKey())) {
        return false;
      }
      Long previous = finalSums.put(new KeyedWindow(key, window.getKey()), window.getValue());
      if (previous != null) {
        throw new IllegalStateException("window finalized twice: " + key + " " + window.getKey());
      }
      return true;
    }));
    live.values().removeIf(Map::isEmpty);
  }
}
