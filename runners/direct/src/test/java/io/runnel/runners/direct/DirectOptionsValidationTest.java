package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad runner and direct-runner options fail with an error naming the option and the fix. */
class DirectOptionsValidationTest {
  private static Pipeline pipelineWith(String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    p.apply(Create.of("a", "b"));
    return p;
  }

  @Test
  void unknownRunnerListsTheAvailableRunners() {
    Pipeline p = pipelineWith("--runner=nope");

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("--runner")
        .hasMessageContaining("direct");
  }

  @Test
  void runnerNameIsCaseInsensitive() {
    assertThat(pipelineWith("--runner=Direct").run().waitUntilFinish())
        .isEqualTo(io.runnel.sdk.PipelineResult.State.DONE);
  }

  @Test
  void zeroParallelismIsRejectedNamingTheOption() {
    Pipeline p = pipelineWith("--directParallelism=0");

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--directParallelism")
        .hasMessageContaining("0");
  }

  @Test
  void zeroBundleSizeIsRejectedNamingTheOption() {
    Pipeline p = pipelineWith("--directBundleSize=0");

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--directBundleSize");
  }

  @Test
  void zeroReadBundleSizeIsRejectedNamingTheOption() {
    Pipeline p = pipelineWith("--directReadBundleSize=0");

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--directReadBundleSize")
        .hasMessageContaining("0");
  }

  @Test
  void keyedShardsOutsideTheKeyGroupsAreRejectedNamingTheOption() {
    for (String shards : List.of("0", "129")) {
      Pipeline p = pipelineWith("--directKeyedShards=" + shards);

      assertThatThrownBy(p::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--directKeyedShards")
          .hasMessageContaining("between 1 and 128")
          .hasMessageContaining("was " + shards);
    }
  }

  @Test
  void aNonPositiveReadBundleTimeIsRejectedNamingTheOption() {
    for (String time : List.of("0ms", "PT-1S")) {
      Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(
          "--directReadBundleTime=" + time).create());
      p.apply(GenerateSequence.from(0).to(5).withRate(100, Duration.ofSeconds(1)));

      // A run that never reads would hang: fail at the deadline instead.
      Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> catchThrowable(p::run));

      assertThat(failure).as("--directReadBundleTime=%s", time)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--directReadBundleTime");
    }
  }

  @Test
  void aNegativeSourceIdleTimeoutIsRejectedNamingTheOption() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--sourceIdleTimeout=PT-1S")
        .create());
    p.apply(GenerateSequence.from(0).to(5).withRate(100, Duration.ofSeconds(1)));

    Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> catchThrowable(p::run));

    assertThat(failure).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--sourceIdleTimeout");
  }

  @Test
  void nonNumericParallelismIsRejectedNamingTheOptionAndTheValue() {
    assertThatThrownBy(() -> PipelineOptionsFactory.fromArgs("--directParallelism=abc").create())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directParallelism")
        .hasMessageContaining("abc");
  }

  @Test
  void nonBooleanEnforceImmutabilityIsRejectedNamingTheOptionAndTheValue() {
    assertThatThrownBy(() -> PipelineOptionsFactory.fromArgs("--enforceImmutability=maybe").create())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enforceImmutability")
        .hasMessageContaining("maybe");
  }
}
