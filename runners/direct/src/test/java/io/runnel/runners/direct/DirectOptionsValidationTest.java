package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
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
