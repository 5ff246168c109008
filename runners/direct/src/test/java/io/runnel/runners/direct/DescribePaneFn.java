package io.runnel.runners.direct;

import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Records each grouped output in the {@link ScriptedUnboundedSource.RunLog} of its run as {@code
 * [start, end) TIMING [values sorted]}, window bounds in seconds since the epoch ({@code global}
 * for the global window), and passes the description on.
 */
final class DescribePaneFn extends DoFn<KV<String, Iterable<String>>, String> {
  private static final long serialVersionUID = 1L;
  private final String runId;

  DescribePaneFn(String runId) {
    this.runId = runId;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<String>> group, BoundedWindow window,
      PaneInfo pane, OutputReceiver<String> out) {
    List<String> values = new ArrayList<>();
    group.getValue().forEach(values::add);
    values.sort(null);
    String text = describe(window) + " " + pane.getTiming() + " " + values;
    ScriptedUnboundedSource.log(runId).pane(text);
    out.output(text);
  }

  static String describe(BoundedWindow window) {
    return window instanceof IntervalWindow interval
        ? "[" + interval.start().getEpochSecond() + "s, " + interval.end().getEpochSecond() + "s)"
        : "global";
  }
}
