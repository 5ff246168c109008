package io.runnel.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricResultTest {
  private static final MetricKey KEY = MetricKey.create("Step", MetricName.named("ns", "n"));

  @Test
  void carriesCommittedAndAttemptedValues() {
    MetricResult<Long> result = MetricResult.create(KEY, 3L, 5L);
    assertThat(result.getCommitted()).isEqualTo(3L);
    assertThat(result.getAttempted()).isEqualTo(5L);
    assertThat(result.getName()).isEqualTo(KEY.metricName());
  }

  @Test
  void committedThrowsWhenTheRunnerDoesNotSupportIt() {
    MetricResult<Long> result = MetricResult.attempted(KEY, 5L);
    assertThat(result.getCommittedOrNull()).isNull();
    assertThatThrownBy(result::getCommitted)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Step:ns:n")
        .hasMessageContaining("getAttempted()");
  }

  @Test
  void distributionMeanIsSumOverCount() {
    assertThat(DistributionResult.create(10, 4, 1, 5).getMean()).isEqualTo(2.5);
  }

  @Test
  void distributionOfNoValuesHasNaNMean() {
    assertThat(DistributionResult.IDENTITY_ELEMENT.getMean()).isNaN();
  }
}
