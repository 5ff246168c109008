package io.runnel.runners.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsContainerImplTest {
  private static final MetricName NAME = MetricName.named("ns", "n");
  private static final MetricKey KEY = MetricKey.create("Step", NAME);
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private final MetricsContainerImpl container =
      new MetricsContainerImpl("Step", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void counterSumsIncrementsAndDecrements() {
    container.getCounter(NAME).inc();
    container.getCounter(NAME).inc(5);
    container.getCounter(NAME).dec(2);
    assertThat(container.drainUpdates().counters()).containsExactlyEntriesOf(Map.of(KEY, 4L));
  }

  @Test
  void distributionTracksSumCountMinAndMax() {
    container.getDistribution(NAME).update(7);
    container.getDistribution(NAME).update(-2);
    container.getDistribution(NAME).update(30, 3, 5, 15);
    assertThat(container.drainUpdates().distributions())
        .containsEntry(KEY, DistributionResult.create(35, 5, -2, 15));
  }

  @Test
  void distributionIgnoresAnEmptySummary() {
    container.getDistribution(NAME).update(0, 0, 0, 0);
    assertThat(container.drainUpdates().isEmpty()).isTrue();
  }

  @Test
  void distributionRejectsASummaryWithMinAboveMax() {
    assertThatThrownBy(() -> container.getDistribution(NAME).update(10, 2, 9, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ns:n")
        .hasMessageContaining("min must not exceed max");
  }

  @Test
  void gaugeKeepsTheLatestValueWithTheClockTime() {
    container.getGauge(NAME).set(3);
    container.getGauge(NAME).set(9);
    assertThat(container.drainUpdates().gauges()).containsEntry(KEY, GaugeResult.create(9, NOW));
  }

  @Test
  void sameNameGivesTheSameCell() {
    assertThat(container.getCounter(NAME)).isSameAs(container.getCounter(NAME));
    assertThat(container.getDistribution(NAME)).isSameAs(container.getDistribution(NAME));
    assertThat(container.getGauge(NAME)).isSameAs(container.getGauge(NAME));
  }

  @Test
  void drainReturnsOnlyWhatChangedSinceTheLastDrain() {
    MetricName other = MetricName.named("ns", "other");
    container.getCounter(NAME).inc(2);
    container.getCounter(other).inc();
    container.drainUpdates();
    container.getCounter(NAME).inc(3);
    assertThat(container.drainUpdates().counters()).containsExactlyEntriesOf(Map.of(KEY, 3L));
  }

  @Test
  void counterIncrementedBackToZeroIsStillReported() {
    container.getCounter(NAME).inc();
    container.getCounter(NAME).dec();
    assertThat(container.drainUpdates().counters()).containsEntry(KEY, 0L);
  }

  @Test
  void cellObtainedBeforeADrainKeepsReportingAfterIt() {
    var counter = container.getCounter(NAME);
    counter.inc();
    container.drainUpdates();
    counter.inc(4);
    assertThat(container.drainUpdates().counters()).containsEntry(KEY, 4L);
  }

  @Test
  void cellLookedUpButNotUpdatedIsNotReported() {
    container.getCounter(NAME);
    container.getDistribution(NAME);
    container.getGauge(NAME);
    assertThat(container.drainUpdates()).isSameAs(MetricUpdates.EMPTY);
  }
}
