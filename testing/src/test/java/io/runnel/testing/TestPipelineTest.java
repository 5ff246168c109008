package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.transforms.Create;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@link TestPipeline} that need no runner. Running behaviour is tested where a
 * runner is available (runners/direct), since this module must not depend on one.
 */
class TestPipelineTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(TestPipeline.PROPERTY);
  }

  @Test
  void aTestThatBuildsAPipelineButNeverRunsItFails() {
    TestPipeline p = TestPipeline.create();
    p.beforeEach(FakeExtensionContext.passed());
    p.apply(Create.of("a"));

    assertThatThrownBy(() -> p.afterEach(FakeExtensionContext.passed()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never ran")
        .hasMessageContaining("p.run()")
        .hasMessageContaining("enableAutoRunIfMissing");
  }

  @Test
  void aTestThatBuildsNothingNeedNotRun() {
    TestPipeline p = TestPipeline.create();
    p.beforeEach(FakeExtensionContext.passed());

    assertThatCode(() -> p.afterEach(FakeExtensionContext.passed())).doesNotThrowAnyException();
  }

  @Test
  void aTestThatAlreadyFailedIsNotFailedAgainForNotRunning() {
    TestPipeline p = TestPipeline.create();
    p.beforeEach(FakeExtensionContext.passed());
    p.apply(Create.of("a"));

    assertThatCode(() -> p.afterEach(FakeExtensionContext.withException(new IllegalStateException())))
        .doesNotThrowAnyException();
  }

  @Test
  void abandonedNodeEnforcementCanBeSwitchedOff() {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.beforeEach(FakeExtensionContext.passed());
    p.apply(Create.of("a"));

    assertThatCode(() -> p.afterEach(FakeExtensionContext.passed())).doesNotThrowAnyException();
  }

  @Test
  void autoRunRunsAPipelineTheTestDidNotRun() {
    System.setProperty(TestPipeline.PROPERTY, "--runner=absent-runner");
    TestPipeline p = TestPipeline.create().enableAutoRunIfMissing(true);
    p.beforeEach(FakeExtensionContext.passed());
    p.apply(Create.of("a"));

    // No runner here: the attempt to run is what shows the pipeline was run for the test.
    assertThatThrownBy(() -> p.afterEach(FakeExtensionContext.passed()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent-runner");
  }

  @Test
  void optionsComeFromTheSystemProperty() {
    System.setProperty(TestPipeline.PROPERTY, "--runner=elsewhere  --jobName=from-property");

    TestPipeline p = TestPipeline.create();

    assertThat(p.getOptions().getRunner()).isEqualTo("elsewhere");
    assertThat(p.getOptions().getJobName()).isEqualTo("from-property");
  }

  @Test
  void withoutThePropertyTheDirectRunnerIsTheDefault() {
    System.clearProperty(TestPipeline.PROPERTY);

    assertThat(TestPipeline.create().getOptions().getRunner()).isEqualTo("direct");
  }
}
