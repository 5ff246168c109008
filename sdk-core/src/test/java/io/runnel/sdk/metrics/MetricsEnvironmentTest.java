package io.runnel.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsEnvironmentTest {
  @AfterEach
  void clearCurrentContainer() {
    MetricsEnvironment.setCurrentContainer(null);
  }

  @Test
  void hasNoCurrentContainerByDefault() {
    assertThat(MetricsEnvironment.getCurrentContainer()).isNull();
  }

  @Test
  void scopedContainerIsCurrentUntilClosed() {
    RecordingContainer container = new RecordingContainer();
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      assertThat(MetricsEnvironment.getCurrentContainer()).isSameAs(container);
    }
    assertThat(MetricsEnvironment.getCurrentContainer()).isNull();
  }

  @Test
  void nestedScopeRestoresTheOuterContainerOnClose() {
    RecordingContainer outer = new RecordingContainer();
    RecordingContainer inner = new RecordingContainer();
    try (MetricsEnvironment.Scope outerScope = MetricsEnvironment.scopedContainer(outer)) {
      try (MetricsEnvironment.Scope innerScope = MetricsEnvironment.scopedContainer(inner)) {
        assertThat(MetricsEnvironment.getCurrentContainer()).isSameAs(inner);
      }
      assertThat(MetricsEnvironment.getCurrentContainer()).isSameAs(outer);
    }
    assertThat(MetricsEnvironment.getCurrentContainer()).isNull();
  }

  @Test
  void closingAScopeTwiceRestoresOnlyOnce() {
    RecordingContainer outer = new RecordingContainer();
    RecordingContainer later = new RecordingContainer();
    MetricsEnvironment.setCurrentContainer(outer);
    MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(new RecordingContainer());
    scope.close();
    MetricsEnvironment.setCurrentContainer(later);
    scope.close();
    assertThat(MetricsEnvironment.getCurrentContainer()).isSameAs(later);
  }

  @Test
  void setCurrentContainerReturnsTheOneItReplaces() {
    RecordingContainer first = new RecordingContainer();
    RecordingContainer second = new RecordingContainer();
    assertThat(MetricsEnvironment.setCurrentContainer(first)).isNull();
    assertThat(MetricsEnvironment.setCurrentContainer(second)).isSameAs(first);
    assertThat(MetricsEnvironment.setCurrentContainer(null)).isSameAs(second);
    assertThat(MetricsEnvironment.getCurrentContainer()).isNull();
  }
}
