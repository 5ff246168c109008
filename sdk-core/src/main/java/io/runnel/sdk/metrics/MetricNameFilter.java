package io.runnel.sdk.metrics;

import java.util.Objects;

/**
 * Selects metrics by name for a {@link MetricsFilter}: every metric in a namespace, or the one
 * metric with a given namespace and name. Immutable value.
 */
public final class MetricNameFilter {
  private final String namespace;
  private final String name;

  private MetricNameFilter(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /** Every metric in {@code namespace}. */
  public static MetricNameFilter inNamespace(String namespace) {
    return new MetricNameFilter(MetricName.requireNonEmpty(namespace, "namespace"), null);
  }

  /** Every metric in the namespace of {@code namespace}'s fully qualified name. */
  public static MetricNameFilter inNamespace(Class<?> namespace) {
    return inNamespace(Objects.requireNonNull(namespace, "namespace").getName());
  }

  /** The metric {@code name} in {@code namespace}. */
  public static MetricNameFilter named(String namespace, String name) {
    return new MetricNameFilter(MetricName.requireNonEmpty(namespace, "namespace"),
        MetricName.requireNonEmpty(name, "name"));
  }

  /** The metric {@code name} in the namespace of {@code namespace}'s fully qualified name. */
  public static MetricNameFilter named(Class<?> namespace, String name) {
    return named(Objects.requireNonNull(namespace, "namespace").getName(), name);
  }

  public String getNamespace() {
    return namespace;
  }

  /** The name to match, or null to match every name in the namespace. */
  public String getName() {
    return name;
  }

  /** Whether {@code metricName} is selected by this filter. */
  public boolean matches(MetricName metricName) {
    return namespace.equals(metricName.getNamespace())
        && (name == null || name.equals(metricName.getName()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricNameFilter other
        && namespace.equals(other.namespace) && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, name);
  }

  @Override
  public String toString() {
    return name == null ? namespace + ":*" : namespace + ":" + name;
  }
}
