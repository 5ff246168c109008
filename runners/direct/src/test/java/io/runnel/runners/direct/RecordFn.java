package io.runnel.runners.direct;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.Metrics;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.transforms.DoFn;

/**
 * Passes its input on, recording each element in the {@link ScriptedUnboundedSource.RunLog} of
 * its run and counting it in the counter {@value #NAMESPACE}/{@value #COUNTER}; throws an {@link
 * IllegalStateException} on the element {@code failOn}, if given.
 */
final class RecordFn extends DoFn<String, String> {
  private static final long serialVersionUID = 1L;
  static final String NAMESPACE = "sources-test";
  static final String COUNTER = "processed";

  private final String runId;
  private final String failOn;
  private final Counter processed = Metrics.counter(NAMESPACE, COUNTER);

  RecordFn(String runId, String failOn) {
    this.runId = runId;
    this.failOn = failOn;
  }

  RecordFn(String runId) {
    this(runId, null);
  }

  @ProcessElement
  public void process(@Element String element, OutputReceiver<String> out) {
    if (element.equals(failOn)) {
      throw new IllegalStateException("RecordFn fails on " + element + ", as the test asked");
    }
    ScriptedUnboundedSource.log(runId).processed(element);
    processed.inc();
    out.output(element);
  }

  /** The committed value of the counter of every {@code RecordFn} in the run, summed. */
  static long committed(PipelineResult result) {
    long sum = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(NAMESPACE, COUNTER)).build()).getCounters()) {
      sum += counter.getCommitted();
    }
    return sum;
  }
}
