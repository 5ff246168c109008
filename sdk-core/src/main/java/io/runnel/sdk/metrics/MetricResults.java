package io.runnel.sdk.metrics;

/**
 * The metrics of a pipeline run, from {@code PipelineResult.metrics()}. While the run is going the
 * values are those reported so far. Implementations are thread-safe.
 *
 * <pre>{@code
 * MetricQueryResults results = pipelineResult.metrics().queryMetrics(
 *     MetricsFilter.builder()
 *         .addNameFilter(MetricNameFilter.named(MyDoFn.class, "emptyLines"))
 *         .build());
 * for (MetricResult<Long> counter : results.getCounters()) {
 *   System.out.println(counter.getKey() + ": " + counter.getCommitted());
 * }
 * }</pre>
 */
public abstract class MetricResults {
  /** Every metric of the run; the same as {@code queryMetrics(null)}. */
  public MetricQueryResults allMetrics() {
    return queryMetrics(null);
  }

  /** The metrics that match {@code filter}; every metric when {@code filter} is null. */
  public abstract MetricQueryResults queryMetrics(MetricsFilter filter);
}
