package io.runnel.runners.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.internal.JavaSerialization;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricUpdatesTest {
  private static final MetricKey A = MetricKey.create("Step", MetricName.named("ns", "a"));
  private static final MetricKey B = MetricKey.create("Other", MetricName.named("ns", "a"));
  private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant T2 = T1.plusSeconds(1);

  private static MetricUpdates counters(Map<MetricKey, Long> counters) {
    return MetricUpdates.of(counters, Map.of(), Map.of());
  }

  private static MetricUpdates gauge(MetricKey key, GaugeResult value) {
    return MetricUpdates.of(Map.of(), Map.of(), Map.of(key, value));
  }

  @Test
  void mergeSumsCountersPerKey() {
    MetricUpdates merged = counters(Map.of(A, 2L, B, 1L)).merge(counters(Map.of(A, 5L)));
    assertThat(merged.counters()).isEqualTo(Map.of(A, 7L, B, 1L));
  }

  @Test
  void mergeCombinesDistributions() {
    MetricUpdates first = MetricUpdates.of(Map.of(), Map.of(A, DistributionResult.create(10, 2, 4, 6)), Map.of());
    MetricUpdates second = MetricUpdates.of(Map.of(), Map.of(A, DistributionResult.create(1, 1, 1, 1)), Map.of());
    assertThat(first.merge(second).distributions())
        .isEqualTo(Map.of(A, DistributionResult.create(11, 3, 1, 6)));
  }

  @Test
  void mergeKeepsTheGaugeSetLater() {
    MetricUpdates later = gauge(A, GaugeResult.create(1, T2));
    MetricUpdates earlier = gauge(A, GaugeResult.create(2, T1));
    assertThat(later.merge(earlier).gauges()).isEqualTo(Map.of(A, GaugeResult.create(1, T2)));
    assertThat(earlier.merge(later).gauges()).isEqualTo(Map.of(A, GaugeResult.create(1, T2)));
  }

  @Test
  void mergeKeepsTheGaugeMergedInOnATimestampTie() {
    MetricUpdates merged = gauge(A, GaugeResult.create(1, T1)).merge(gauge(A, GaugeResult.create(2, T1)));
    assertThat(merged.gauges()).isEqualTo(Map.of(A, GaugeResult.create(2, T1)));
  }

  @Test
  void survivesJavaSerialization() {
    MetricUpdates updates = MetricUpdates.of(Map.of(A, 3L), Map.of(A, DistributionResult.create(1, 1, 1, 1)),
        Map.of(A, GaugeResult.create(4, T1)));
    assertThat(JavaSerialization.clone(updates, "updates")).isEqualTo(updates);
  }
}
