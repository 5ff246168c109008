package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.values.PCollection;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link TestPipeline} verifies its assertions from the run's metrics alone, as it must for a
 * runner whose workers run them in other JVMs: {@link ScriptedMetricsRunner} runs nothing and
 * reports the PAssert counters each test scripts.
 */
class AssertionVerifierTest {
  private static TestPipeline pipeline(Consumer<ScriptedMetricsRunner.Options> script) {
    ScriptedMetricsRunner.Options options = PipelineOptionsFactory.as(ScriptedMetricsRunner.Options.class);
    options.setRunner(ScriptedMetricsRunner.NAME);
    script.accept(options);
    TestPipeline p = TestPipeline.fromOptions(options);
    p.beforeEach(FakeExtensionContext.passed());
    return p;
  }

  private static void twoAssertions(Pipeline p) {
    PCollection<String> letters = p.apply("Letters", Create.of("a", "b"));
    PAssert.that(letters).containsInAnyOrder("a", "b");
    PAssert.thatSingleton(p.apply("One", Create.of(1))).isEqualTo(1);
  }

  @Test
  void assertionsThatEachSucceededOnceInTheMetricsPass() {
    TestPipeline p = pipeline(o -> {});
    twoAssertions(p);

    assertThatCode(p::run).doesNotThrowAnyException();
    assertThatCode(() -> p.afterEach(FakeExtensionContext.passed())).doesNotThrowAnyException();
  }

  @Test
  void anAssertionWithoutASuccessInTheMetricsNeverRan() {
    TestPipeline p = pipeline(o -> o.setScriptedReportedAssertions(1));
    twoAssertions(p);

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).hasMessageContaining("These PAsserts never ran, so they checked nothing:")
        .hasMessageContaining("PAssert.thatSingleton(One/").hasMessageContaining("(PAssert$1)")
        .hasMessageNotContaining("PAssert$0");
  }

  @Test
  void aRunReportingNoPAssertCountersSaysTheRunnerMustReportMetrics() {
    TestPipeline p = pipeline(o -> o.setScriptedReportedAssertions(0));
    twoAssertions(p);

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).hasMessageContaining("PAssert$0").hasMessageContaining("PAssert$1")
        .hasMessageContaining("reported no PAssert counters at all")
        .hasMessageContaining("state DONE");
  }

  @Test
  void anAssertionThatSucceededTwiceFails() {
    TestPipeline p = pipeline(o -> o.setScriptedSuccesses(2));
    twoAssertions(p);

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).hasMessageContaining("succeeded more than once")
        .hasMessageContaining("PAssert.that(Letters/").hasMessageContaining("(PAssert$0) succeeded 2 times");
  }

  @Test
  void aFailureInTheMetricsFailsTheTestEvenIfTheRunDidNot() {
    TestPipeline p = pipeline(o -> {
      o.setScriptedSuccesses(0);
      o.setScriptedFailures(1);
    });
    twoAssertions(p);

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).hasMessageContaining("These PAsserts failed")
        .hasMessageContaining("(PAssert$0) failed 1 time(s)");
  }

  @Test
  void committedValuesAreUsedWhereTheRunnerSupportsThem() {
    // Attempted counts a retried bundle twice; committed counts it once.
    TestPipeline p = pipeline(o -> o.setScriptedAttemptedSurplus(1));
    twoAssertions(p);

    assertThatCode(p::run).doesNotThrowAnyException();
  }

  @Test
  void attemptedValuesAreUsedWhereTheRunnerHasNoCommittedMetrics() {
    TestPipeline p = pipeline(o -> {
      o.setScriptedCommittedSupported(false);
      o.setScriptedSuccesses(0);
      o.setScriptedAttemptedSurplus(1);
    });
    twoAssertions(p);

    assertThatCode(p::run).doesNotThrowAnyException();
  }

  @Test
  void attemptedValuesWithoutCommittedOnesAreCheckedToo() {
    TestPipeline p = pipeline(o -> {
      o.setScriptedCommittedSupported(false);
      o.setScriptedSuccesses(0);
    });
    twoAssertions(p);

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).hasMessageContaining("never ran").hasMessageContaining("PAssert$0");
  }

  @Test
  void aRunStillGoingIsAwaitedBeforeItsMetricsAreRead() {
    TestPipeline p = pipeline(o -> o.setScriptedStillRunning(true));
    twoAssertions(p);

    PipelineResult result = p.run();

    assertThat(result.getState()).isEqualTo(PipelineResult.State.DONE);
  }

  @Test
  void anAssertionAddedAfterTheRunFailsTheTestAfterwards() {
    TestPipeline p = pipeline(o -> {});
    twoAssertions(p);
    p.run();
    PAssert.that(p.apply("Late", Create.of("z"))).containsInAnyOrder("z");

    AssertionError e = catchThrowableOfType(AssertionError.class,
        () -> p.afterEach(FakeExtensionContext.passed()));

    assertThat(e).hasMessageContaining("These PAsserts never ran, so they checked nothing:")
        .hasMessageContaining("PAssert.that(Late/").hasMessageContaining("(PAssert$2)")
        .hasMessageContaining("added after the last p.run()")
        .hasMessageNotContaining("PAssert$0");
  }

  @Test
  void verifyPAssertsSucceededChecksAPlainPipelineToo() {
    ScriptedMetricsRunner.Options options = PipelineOptionsFactory.as(ScriptedMetricsRunner.Options.class);
    options.setRunner(ScriptedMetricsRunner.NAME);
    options.setScriptedSuccesses(0);
    Pipeline p = Pipeline.create(options);
    twoAssertions(p);

    AssertionError e = catchThrowableOfType(AssertionError.class,
        () -> TestPipeline.verifyPAssertsSucceeded(p, p.run()));

    assertThat(e).hasMessageContaining("never ran");
  }

  @Test
  void assertionsAreCountedAndNamedFromThePipelinesOwnGraph() {
    Pipeline first = Pipeline.create();
    Pipeline second = Pipeline.create();
    PAssert.that(first.apply("A", Create.of("a"))).containsInAnyOrder("a");
    PAssert.that(first.apply("B", Create.of("b"))).empty();
    PAssert.that(second.apply("C", Create.of("c"))).containsInAnyOrder("c");

    assertThat(PAssert.countAsserts(first)).isEqualTo(2);
    assertThat(PAssert.countAsserts(second)).isEqualTo(1);
    assertThat(AssertionVerifier.assertionsOf(first)).extracting(AssertionVerifier.Assertion::fullName)
        .containsExactly("PAssert$0", "PAssert$1");
    assertThat(AssertionVerifier.assertionsOf(second)).extracting(AssertionVerifier.Assertion::fullName)
        .containsExactly("PAssert$0");
  }
}
