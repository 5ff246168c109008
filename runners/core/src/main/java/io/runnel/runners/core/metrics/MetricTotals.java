package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Running totals of {@link MetricUpdates}, merged per key as {@link MetricUpdates} describes.
 * Mutable and not thread-safe; its owner guards it.
 */
final class MetricTotals {
  private final Map<MetricKey, Long> counters = new HashMap<>();
  private final Map<MetricKey, DistributionResult> distributions = new HashMap<>();
  private final Map<MetricKey, GaugeResult> gauges = new HashMap<>();

  void add(MetricUpdates updates) {
    updates.counters().forEach((key, delta) -> counters.merge(key, delta, Long::sum));
    updates.distributions().forEach((key, value) ->
        distributions.merge(key, value, MetricTotals::combine));
    updates.gauges().forEach((key, value) -> gauges.merge(key, value, MetricTotals::later));
  }

  MetricUpdates snapshot() {
    return MetricUpdates.of(counters, distributions, gauges);
  }

  static DistributionResult combine(DistributionResult a, DistributionResult b) {
    return DistributionResult.create(a.getSum() + b.getSum(), a.getCount() + b.getCount(),
        Math.min(a.getMin(), b.getMin()), Math.max(a.getMax(), b.getMax()));
  }

  /** The gauge value set later; {@code b}, merged in after {@code a}, on a tie. */
  static GaugeResult later(GaugeResult a, GaugeResult b) {
    return a.getTimestamp().isAfter(b.getTimestamp()) ? a : b;
  }
}
