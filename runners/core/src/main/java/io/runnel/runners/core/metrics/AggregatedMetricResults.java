package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricQueryResults;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.metrics.MetricsFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@link MetricResults} of a {@link MetricsAggregator}: each query reads the totals at that
 * moment and returns, in order of step name, namespace and name, every metric either total holds
 * that matches the filter, with both its committed and attempted value. A metric with no committed
 * updates yet has committed value 0, {@link DistributionResult#IDENTITY_ELEMENT} or {@link
 * GaugeResult#empty()}. Thread-safe.
 */
public final class AggregatedMetricResults extends MetricResults {
  private static final Comparator<MetricKey> ORDER = Comparator.comparing(MetricKey::stepName)
      .thenComparing(key -> key.metricName().getNamespace())
      .thenComparing(key -> key.metricName().getName());

  private final MetricsAggregator aggregator;

  private AggregatedMetricResults(MetricsAggregator aggregator) {
    this.aggregator = aggregator;
  }

  /** Results that read {@code aggregator}'s totals at each query. */
  public static AggregatedMetricResults of(MetricsAggregator aggregator) {
    return new AggregatedMetricResults(Objects.requireNonNull(aggregator, "aggregator"));
  }

  @Override
  public MetricQueryResults queryMetrics(MetricsFilter filter) {
    MetricsAggregator.Snapshot totals = aggregator.snapshot();
    MetricUpdates attempted = totals.attempted();
    MetricUpdates committed = totals.committed();
    return MetricQueryResults.create(
        results(filter, attempted.counters(), committed.counters(), 0L),
        results(filter, attempted.distributions(), committed.distributions(),
            DistributionResult.IDENTITY_ELEMENT),
        results(filter, attempted.gauges(), committed.gauges(), GaugeResult.empty()));
  }

  private static <T> List<MetricResult<T>> results(MetricsFilter filter, Map<MetricKey, T> attempted,
      Map<MetricKey, T> committed, T none) {
    TreeSet<MetricKey> keys = new TreeSet<>(ORDER);
    keys.addAll(attempted.keySet());
    keys.addAll(committed.keySet());
    List<MetricResult<T>> results = new ArrayList<>();
    for (MetricKey key : keys) {
      if (filter == null || filter.matches(key)) {
        results.add(MetricResult.create(key, committed.getOrDefault(key, none),
            attempted.getOrDefault(key, none)));
      }
    }
    return results;
  }
}
