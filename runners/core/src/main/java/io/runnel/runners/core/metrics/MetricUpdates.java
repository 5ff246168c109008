package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import java.io.Serializable;
import java.util.Map;

/**
 * Metric values by step and name, by kind: what a bundle reported (from {@link
 * MetricsContainerImpl#drainUpdates()} or {@link MetricsContainerStepMap#drainUpdates()}), or the
 * totals of many bundles (from {@link MetricsAggregator}). Counters are sums, distributions
 * combine, and of two gauge values the one set later wins (on a tie, the one merged in). Immutable;
 * serializable, so workers can ship it.
 */
public record MetricUpdates(Map<MetricKey, Long> counters,
    Map<MetricKey, DistributionResult> distributions, Map<MetricKey, GaugeResult> gauges)
    implements Serializable {
  /** No updates. */
  public static final MetricUpdates EMPTY = new MetricUpdates(Map.of(), Map.of(), Map.of());

  /** Copies the maps, which must hold no null keys or values. */
  public MetricUpdates {
    counters = Map.copyOf(counters);
    distributions = Map.copyOf(distributions);
    gauges = Map.copyOf(gauges);
  }

  public static MetricUpdates of(Map<MetricKey, Long> counters,
      Map<MetricKey, DistributionResult> distributions, Map<MetricKey, GaugeResult> gauges) {
    return counters.isEmpty() && distributions.isEmpty() && gauges.isEmpty()
        ? EMPTY : new MetricUpdates(counters, distributions, gauges);
  }

  /** Whether there are no updates at all. */
  public boolean isEmpty() {
    return counters.isEmpty() && distributions.isEmpty() && gauges.isEmpty();
  }

  /** These updates followed by {@code later}'s, merged per key as the class documentation says. */
  public MetricUpdates merge(MetricUpdates later) {
    if (later.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return later;
    }
    MetricTotals totals = new MetricTotals();
    totals.add(this);
    totals.add(later);
    return totals.snapshot();
  }
}
