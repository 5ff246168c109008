package io.runnel.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.internal.JavaSerialization;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @AfterEach
  void clearCurrentContainer() {
    MetricsEnvironment.setCurrentContainer(null);
  }

  @Test
  void counterReportsIncrementsAndDecrementsToTheCurrentContainer() {
    RecordingContainer container = new RecordingContainer();
    Counter counter = Metrics.counter("ns", "lines");
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      counter.inc();
      counter.inc(10);
      counter.dec();
      counter.dec(3);
    }
    assertThat(container.counter("ns", "lines")).isEqualTo(7);
  }

  @Test
  void distributionReportsValuesToTheCurrentContainer() {
    RecordingContainer container = new RecordingContainer();
    Distribution distribution = Metrics.distribution("ns", "sizes");
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      distribution.update(4);
      distribution.update(9);
    }
    assertThat(container.distributions.get(MetricName.named("ns", "sizes"))).containsExactly(4L, 9L);
  }

  @Test
  void gaugeReportsTheValueToTheCurrentContainer() {
    RecordingContainer container = new RecordingContainer();
    Gauge gauge = Metrics.gauge("ns", "backlog");
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      gauge.set(12);
    }
    assertThat(container.gauges).containsEntry(MetricName.named("ns", "backlog"), 12L);
  }

  @Test
  void classNamespaceIsTheFullyQualifiedClassName() {
    assertThat(Metrics.counter(MetricsTest.class, "c").getName())
        .isEqualTo(MetricName.named("io.runnel.sdk.metrics.MetricsTest", "c"));
  }

  @Test
  void updatesWithNoCurrentContainerAreDroppedWithoutFailing() {
    assertThatCode(() -> {
      Metrics.counter("ns", "c").inc();
      Metrics.distribution("ns", "d").update(1);
      Metrics.distribution("ns", "d").update(1, 1, 1, 1);
      Metrics.gauge("ns", "g").set(1);
    }).doesNotThrowAnyException();
  }

  @Test
  void handleLooksTheCellUpOncePerContainer() {
    RecordingContainer container = new RecordingContainer();
    Counter counter = Metrics.counter("ns", "c");
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      for (int i = 0; i < 100; i++) {
        counter.inc();
      }
    }
    assertThat(container.lookups).isEqualTo(1);
    assertThat(container.counter("ns", "c")).isEqualTo(100);
  }

  @Test
  void handleFollowsTheCurrentContainerWhenItChanges() {
    RecordingContainer first = new RecordingContainer();
    RecordingContainer second = new RecordingContainer();
    Counter counter = Metrics.counter("ns", "c");
    for (RecordingContainer container : List.of(first, second, first)) {
      try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
        counter.inc();
      }
    }
    assertThat(first.counter("ns", "c")).isEqualTo(2);
    assertThat(second.counter("ns", "c")).isEqualTo(1);
  }

  @Test
  void handlesKeepWorkingAfterJavaSerialization() {
    Counter counter = JavaSerialization.clone((DelegatingCounter) Metrics.counter("ns", "c"), "counter");
    Distribution distribution = JavaSerialization.clone(
        (DelegatingDistribution) Metrics.distribution("ns", "d"), "distribution");
    Gauge gauge = JavaSerialization.clone((DelegatingGauge) Metrics.gauge("ns", "g"), "gauge");
    RecordingContainer container = new RecordingContainer();
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      counter.inc(5);
      distribution.update(3);
      gauge.set(8);
    }
    assertThat(container.counter("ns", "c")).isEqualTo(5);
    assertThat(container.distributions.get(MetricName.named("ns", "d"))).containsExactly(3L);
    assertThat(container.gauges).containsEntry(MetricName.named("ns", "g"), 8L);
  }

  @Test
  void rejectsAnEmptyNameNamingWhatIsWrong() {
    assertThatThrownBy(() -> Metrics.counter("ns", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Metric name must be non-empty, was \"\"");
  }

  @Test
  void rejectsANullNamespace() {
    assertThatThrownBy(() -> Metrics.gauge((String) null, "g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Metric namespace must be non-empty, was null");
  }
}
