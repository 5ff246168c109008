package io.runnel.sdk.options;

/** Contributed by {@link TestOptionsRegistrar} through META-INF/services, never registered by hand. */
public interface DiscoveredOptions extends PipelineOptions {
  @Description("A flag only the registrar makes known.")
  boolean isDiscoveredFlag();

  void setDiscoveredFlag(boolean value);
}
