package io.runnel.runners.direct;

import io.runnel.runners.core.state.KeyGroups;
import io.runnel.runners.direct.internal.DirectExecution;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.portable.PipelineTranslation;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.runners.PipelineRunner;

/**
 * Runs a pipeline in this JVM. Bounded and {@code TestStream} pipelines run deterministically:
 * the same pipeline and input give the same outputs in the same order on every run, whatever
 * {@code --directParallelism}. A pipeline reading an unbounded source runs in real time until
 * its sources end or it is cancelled. {@link #run} blocks until the pipeline finishes (unless
 * {@code --blockOnRun=false}) and throws {@link Pipeline.PipelineExecutionException} when user
 * code fails, naming the transform and the element.
 *
 * <p>Checks on by default, off with {@code --enforceImmutability=false} and {@code
 * --enforceEncodability=false}: elements must not be mutated after output or as inputs, and
 * must survive their coders.
 */
public final class DirectRunner extends PipelineRunner<DirectPipelineResult> {
  private final DirectOptions options;

  private DirectRunner(DirectOptions options) {
    this.options = options;
  }

  /** A direct runner configured by {@code options}. */
  public static DirectRunner fromOptions(PipelineOptions options) {
    DirectOptions direct = options.as(DirectOptions.class);
    if (direct.getDirectParallelism() < 1) {
      throw new IllegalArgumentException("--directParallelism must be at least 1, was "
          + direct.getDirectParallelism());
    }
    if (direct.getDirectBundleSize() < 1) {
      throw new IllegalArgumentException("--directBundleSize must be at least 1, was "
          + direct.getDirectBundleSize());
    }
    if (direct.getDirectReadBundleSize() != null && direct.getDirectReadBundleSize() < 1) {
      throw new IllegalArgumentException("--directReadBundleSize must be at least 1, was "
          + direct.getDirectReadBundleSize());
    }
    if (direct.getDirectKeyedShards() < 1
        || direct.getDirectKeyedShards() > KeyGroups.DEFAULT_MAX_PARALLELISM) {
      throw new IllegalArgumentException("--directKeyedShards must be between 1 and "
          + KeyGroups.DEFAULT_MAX_PARALLELISM + " (the key groups a keyed step is cut into), was "
          + direct.getDirectKeyedShards());
    }
    if (direct.getDirectReadBundleTime().isNegative() || direct.getDirectReadBundleTime().isZero()) {
      throw new IllegalArgumentException("--directReadBundleTime must be positive, was "
          + direct.getDirectReadBundleTime() + ": a read bundle of no time reads nothing");
    }
    if (direct.getSourceIdleTimeout() != null && (direct.getSourceIdleTimeout().isNegative()
        || direct.getSourceIdleTimeout().isZero())) {
      throw new IllegalArgumentException("--sourceIdleTimeout must be positive, was "
          + direct.getSourceIdleTimeout() + " (leave it unset for splits that never go idle)");
    }
    return new DirectRunner(direct);
  }

  /**
   * Runs {@code pipeline}: to its end when {@code --blockOnRun} (the default), else on a thread
   * of its own, returning at once.
   */
  @Override
  public DirectPipelineResult run(Pipeline pipeline) {
    Pipeline toRun = pipeline;
    if (options.isDirectPortable()) {
      // The path a remote worker takes: the pipeline as rebuilt from its portable form.
      toRun = PipelineTranslation.fromProto(PipelineTranslation.toProto(pipeline), options);
    }
    DirectExecution execution = new DirectExecution(toRun, options);
    if (!options.isBlockOnRun()) {
      return new DirectPipelineResult(execution);
    }
    execution.run();
    return new DirectPipelineResult(execution, execution.isCancelled()
        ? PipelineResult.State.CANCELLED : PipelineResult.State.DONE);
  }
}
