package io.runnel.runners.direct;

import io.runnel.runners.direct.internal.DirectExecution;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.runners.PipelineRunner;

/**
 * Runs a pipeline in this JVM, deterministically: the same pipeline and input give the same
 * outputs in the same order on every run, whatever {@code --directParallelism}. {@link #run}
 * blocks until the pipeline finishes and throws {@link Pipeline.PipelineExecutionException} when
 * user code fails, naming the transform and the element.
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
    return new DirectRunner(direct);
  }

  @Override
  public DirectPipelineResult run(Pipeline pipeline) {
    DirectExecution execution = new DirectExecution(pipeline, options);
    execution.run();
    return new DirectPipelineResult(execution.metrics());
  }
}
