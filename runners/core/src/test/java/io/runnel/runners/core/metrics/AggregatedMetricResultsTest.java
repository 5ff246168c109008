package io.runnel.runners.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricQueryResults;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricsFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AggregatedMetricResultsTest {
  private static final MetricName LINES = MetricName.named("ns", "lines");
  private static final MetricName WORDS = MetricName.named("ns", "words");
  private static final MetricName OTHER = MetricName.named("other", "lines");
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private final MetricsAggregator aggregator = new MetricsAggregator();
  private final AggregatedMetricResults results = AggregatedMetricResults.of(aggregator);

  /** Runs one bundle's updates through a container and records and commits them. */
  private void bundle(String step, MetricName counter, long n) {
    MetricsContainerImpl container = new MetricsContainerImpl(step);
    container.getCounter(counter).inc(n);
    MetricUpdates updates = container.drainUpdates();
    aggregator.recordAttempted(updates);
    aggregator.commit(updates);
  }

  private static MetricResult<Long> counter(String step, MetricName name, long committed, long attempted) {
    return MetricResult.create(MetricKey.create(step, name), committed, attempted);
  }

  @Test
  void sumsCountersOfOneStepAcrossContainers() {
    bundle("Parse", LINES, 2);
    bundle("Parse", LINES, 3);
    assertThat(results.allMetrics().getCounters()).containsExactly(counter("Parse", LINES, 5, 5));
  }

  @Test
  void keepsStepsApartInStepThenNameOrder() {
    bundle("Write", LINES, 1);
    bundle("Parse", WORDS, 4);
    bundle("Parse", LINES, 2);
    assertThat(results.allMetrics().getCounters()).containsExactly(
        counter("Parse", LINES, 2, 2), counter("Parse", WORDS, 4, 4), counter("Write", LINES, 1, 1));
  }

  @Test
  void combinesDistributionsAndKeepsTheLatestGaugeAcrossBundles() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    for (long value : new long[] {3, 9}) {
      MetricsContainerImpl container = new MetricsContainerImpl("Step", clock);
      container.getDistribution(LINES).update(value);
      container.getGauge(LINES).set(value);
      MetricUpdates updates = container.drainUpdates();
      aggregator.recordAttempted(updates);
      aggregator.commit(updates);
    }
    MetricQueryResults all = results.allMetrics();
    MetricKey key = MetricKey.create("Step", LINES);
    DistributionResult distribution = DistributionResult.create(12, 2, 3, 9);
    assertThat(all.getDistributions()).containsExactly(MetricResult.create(key, distribution, distribution));
    GaugeResult gauge = GaugeResult.create(9, NOW);
    assertThat(all.getGauges()).containsExactly(MetricResult.create(key, gauge, gauge));
  }

  @Test
  void uncommittedUpdatesCountInAttemptedOnly() {
    bundle("Parse", LINES, 2);
    MetricsContainerImpl failed = new MetricsContainerImpl("Parse");
    failed.getCounter(LINES).inc(7);
    aggregator.recordAttempted(failed.drainUpdates());
    assertThat(results.allMetrics().getCounters()).containsExactly(counter("Parse", LINES, 2, 9));
  }

  @Test
  void metricOnlyInUncommittedBundlesHasEmptyCommittedValues() {
    MetricsContainerImpl failed = new MetricsContainerImpl("Parse");
    failed.getCounter(LINES).inc(7);
    failed.getDistribution(LINES).update(1);
    failed.getGauge(LINES).set(1);
    aggregator.recordAttempted(failed.drainUpdates());
    MetricQueryResults all = results.allMetrics();
    assertThat(all.getCounters()).singleElement().satisfies(r -> assertThat(r.getCommitted()).isZero());
    assertThat(all.getDistributions()).singleElement()
        .satisfies(r -> assertThat(r.getCommitted()).isEqualTo(DistributionResult.IDENTITY_ELEMENT));
    assertThat(all.getGauges()).singleElement()
        .satisfies(r -> assertThat(r.getCommitted()).isEqualTo(GaugeResult.empty()));
  }

  @Test
  void filtersByNamespace() {
    bundle("Parse", LINES, 1);
    bundle("Parse", OTHER, 1);
    MetricsFilter filter = MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace("other")).build();
    assertThat(results.queryMetrics(filter).getCounters()).containsExactly(counter("Parse", OTHER, 1, 1));
  }

  @Test
  void filtersByName() {
    bundle("Parse", LINES, 1);
    bundle("Parse", WORDS, 1);
    MetricsFilter filter = MetricsFilter.builder().addNameFilter(MetricNameFilter.named("ns", "words")).build();
    assertThat(results.queryMetrics(filter).getCounters()).containsExactly(counter("Parse", WORDS, 1, 1));
  }

  @Test
  void filtersByStepIncludingTransformsInsideIt() {
    bundle("Count/Parse", LINES, 1);
    bundle("Count/Format", LINES, 2);
    bundle("Counter/Parse", LINES, 4);
    MetricsFilter filter = MetricsFilter.builder().addStep("Count").build();
    assertThat(results.queryMetrics(filter).getCounters())
        .containsExactly(counter("Count/Format", LINES, 2, 2), counter("Count/Parse", LINES, 1, 1));
  }

  @Test
  void queryReflectsUpdatesRecordedAfterTheResultsWereCreated() {
    assertThat(results.allMetrics().getCounters()).isEmpty();
    bundle("Parse", LINES, 1);
    assertThat(results.allMetrics().getCounters()).containsExactly(counter("Parse", LINES, 1, 1));
  }
}
