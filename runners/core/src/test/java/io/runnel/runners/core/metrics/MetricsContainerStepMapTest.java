package io.runnel.runners.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.Metrics;
import io.runnel.sdk.metrics.MetricsEnvironment;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsContainerStepMapTest {
  private static final MetricName ELEMENTS = MetricName.named("ns", "elements");

  private final MetricsContainerStepMap containers = new MetricsContainerStepMap();
  private final Counter elements = Metrics.counter("ns", "elements");

  @AfterEach
  void clearCurrentContainer() {
    MetricsEnvironment.setCurrentContainer(null);
  }

  @Test
  void givesOneContainerPerStepName() {
    assertThat(containers.getContainer("Parse")).isSameAs(containers.getContainer("Parse"));
    assertThat(containers.getContainer("Parse")).isNotSameAs(containers.getContainer("Format"));
    assertThat(containers.getContainer("Parse").stepName()).isEqualTo("Parse");
  }

  @Test
  void attributesUpdatesOfFusedStepsToTheStepRunningOnTheThread() {
    try (MetricsEnvironment.Scope parse = MetricsEnvironment.scopedContainer(containers.getContainer("Parse"))) {
      elements.inc();
      // Parse outputs to Format on the same thread, as in a fused chain.
      try (MetricsEnvironment.Scope format = MetricsEnvironment.scopedContainer(containers.getContainer("Format"))) {
        elements.inc(10);
      }
      elements.inc();
    }
    assertThat(containers.drainUpdates().counters()).isEqualTo(Map.of(
        MetricKey.create("Parse", ELEMENTS), 2L, MetricKey.create("Format", ELEMENTS), 10L));
  }

  @Test
  void drainResetsEveryStep() {
    try (MetricsEnvironment.Scope parse = MetricsEnvironment.scopedContainer(containers.getContainer("Parse"))) {
      elements.inc();
    }
    containers.drainUpdates();
    assertThat(containers.drainUpdates().isEmpty()).isTrue();
  }
}
