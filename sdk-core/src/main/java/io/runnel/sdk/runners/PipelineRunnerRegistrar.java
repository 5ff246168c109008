package io.runnel.sdk.runners;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.options.PipelineOptions;

/**
 * Makes a runner findable by name. Register implementations in
 * {@code META-INF/services/io.runnel.sdk.runners.PipelineRunnerRegistrar}.
 */
public interface PipelineRunnerRegistrar {
  /** The name users pass as {@code --runner}, e.g. "direct". */
  String getName();

  /** A runner configured by {@code options}. */
  PipelineRunner<? extends PipelineResult> fromOptions(PipelineOptions options);
}
