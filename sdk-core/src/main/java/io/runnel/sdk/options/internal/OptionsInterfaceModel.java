package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.PipelineOptions;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A validated options interface. Immutable.
 *
 * @param iface the interface
 * @param properties every option of the interface, inherited ones included, by name (sorted)
 * @param declaredProperties the names of the options whose getter the interface itself declares
 */
public record OptionsInterfaceModel(
    Class<? extends PipelineOptions> iface,
    SortedMap<String, OptionProperty> properties,
    SortedSet<String> declaredProperties) {

  /** The option called {@code name}, or null if the interface has none. */
  public OptionProperty property(String name) {
    return properties.get(name);
  }
}
