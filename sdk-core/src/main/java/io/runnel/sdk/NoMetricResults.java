package io.runnel.sdk;

import io.runnel.sdk.metrics.MetricQueryResults;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.metrics.MetricsFilter;
import java.util.List;

/** The metrics of a runner that does not support them: none. Immutable. */
final class NoMetricResults extends MetricResults {
  static final NoMetricResults INSTANCE = new NoMetricResults();

  private static final MetricQueryResults EMPTY =
      MetricQueryResults.create(List.of(), List.of(), List.of());

  private NoMetricResults() {}

  @Override
  public MetricQueryResults queryMetrics(MetricsFilter filter) {
    return EMPTY;
  }
}
