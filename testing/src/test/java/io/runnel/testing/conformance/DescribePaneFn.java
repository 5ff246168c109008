package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Instant;

/**
 * Describes each output of a per-key grouping with everything a pane check needs, as {@code
 * [start, end) key:value TIMING index=i[ onTimeIndex=j][ first][ last]}: window bounds in minutes
 * since the epoch ({@code global} for the global window), the on-time index left out for early
 * panes. Comparing these strings checks value, window, timing, index and flags at once.
 */
final class DescribePaneFn<V> extends DoFn<KV<String, V>, String> {
  private static final long serialVersionUID = 1L;

  @ProcessElement
  public void process(@Element KV<String, V> output, BoundedWindow window, PaneInfo pane,
      OutputReceiver<String> out) {
    StringBuilder text = new StringBuilder(window instanceof IntervalWindow interval
        ? "[" + minutes(interval.start()) + "m, " + minutes(interval.end()) + "m)" : "global");
    text.append(' ').append(output.getKey()).append(':').append(output.getValue())
        .append(' ').append(pane.getTiming()).append(" index=").append(pane.getIndex());
    if (pane.getNonSpeculativeIndex() >= 0) {
      text.append(" onTimeIndex=").append(pane.getNonSpeculativeIndex());
    }
    if (pane.isFirst()) {
      text.append(" first");
    }
    if (pane.isLast()) {
      text.append(" last");
    }
    out.output(text.toString());
  }

  private static long minutes(Instant instant) {
    return instant.toEpochMilli() / 60_000;
  }
}
