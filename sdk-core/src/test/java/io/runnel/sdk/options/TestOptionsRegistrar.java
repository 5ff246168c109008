package io.runnel.sdk.options;

import java.util.List;

/** Registers {@link DiscoveredOptions}; listed in the test META-INF/services file. */
public class TestOptionsRegistrar implements PipelineOptionsRegistrar {
  @Override
  public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
    return List.of(DiscoveredOptions.class);
  }
}
