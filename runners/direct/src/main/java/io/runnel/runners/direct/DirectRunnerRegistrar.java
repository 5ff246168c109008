package io.runnel.runners.direct;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsRegistrar;
import io.runnel.sdk.runners.PipelineRunner;
import io.runnel.sdk.runners.PipelineRunnerRegistrar;
import java.util.List;

/** Registers the direct runner as {@code --runner=direct} and its options. */
public final class DirectRunnerRegistrar implements PipelineRunnerRegistrar, PipelineOptionsRegistrar {
  @Override
  public String getName() {
    return "direct";
  }

  @Override
  public PipelineRunner<? extends PipelineResult> fromOptions(PipelineOptions options) {
    return DirectRunner.fromOptions(options);
  }

  @Override
  public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
    return List.of(DirectOptions.class);
  }
}
