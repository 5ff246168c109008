package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.Distribution;
import io.runnel.sdk.metrics.Gauge;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.MetricsContainer;
import io.runnel.sdk.metrics.MetricsEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An assertion's check reports its outcome through the step's metrics. */
class AssertionTransformsTest {
  /** Sums counter increments by name; the other kinds are not used by assertions. */
  private static final class CountingContainer implements MetricsContainer {
    final Map<MetricName, Long> counts = new HashMap<>();

    @Override
    public Counter getCounter(MetricName name) {
      return new Counter() {
        @Override
        public void inc() {
          inc(1);
        }

        @Override
        public void inc(long n) {
          counts.merge(name, n, Long::sum);
        }

        @Override
        public void dec() {
          inc(-1);
        }

        @Override
        public void dec(long n) {
          inc(-n);
        }

        @Override
        public MetricName getName() {
          return name;
        }
      };
    }

    @Override
    public Distribution getDistribution(MetricName name) {
      throw new UnsupportedOperationException(name.toString());
    }

    @Override
    public Gauge getGauge(MetricName name) {
      throw new UnsupportedOperationException(name.toString());
    }

    long count(String counter) {
      return counts.getOrDefault(MetricName.named(PAssert.class, counter), 0L);
    }
  }

  @Test
  void aPassingCheckCountsOneSuccess() {
    CountingContainer container = new CountingContainer();
    AssertionTransforms.CountingCheck check = new AssertionTransforms.CountingCheck(values -> null);

    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      check.apply(List.of("a"));
    }

    assertThat(container.count(PAssert.SUCCESS_COUNTER)).isEqualTo(1);
    assertThat(container.count(PAssert.FAILURE_COUNTER)).isZero();
  }

  @Test
  void aFailingCheckCountsOneFailureAndRethrowsTheAssertionError() {
    CountingContainer container = new CountingContainer();
    AssertionError failure = new AssertionError("expected b");
    AssertionTransforms.CountingCheck check = new AssertionTransforms.CountingCheck(values -> {
      throw failure;
    });

    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      assertThatThrownBy(() -> check.apply(List.of("a"))).isSameAs(failure);
    }

    assertThat(container.count(PAssert.FAILURE_COUNTER)).isEqualTo(1);
    assertThat(container.count(PAssert.SUCCESS_COUNTER)).isZero();
  }

  @Test
  void theCountersAreBeamsNamesInPAssertsNamespace() {
    assertThat(PAssert.SUCCESS_COUNTER).isEqualTo("PAssertSuccess");
    assertThat(PAssert.FAILURE_COUNTER).isEqualTo("PAssertFailure");
    assertThat(MetricName.named(PAssert.class, PAssert.SUCCESS_COUNTER).getNamespace())
        .isEqualTo("io.runnel.testing.PAssert");
  }
}
