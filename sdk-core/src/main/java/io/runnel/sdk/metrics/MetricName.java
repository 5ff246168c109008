package io.runnel.sdk.metrics;

import java.io.Serializable;
import java.util.Objects;

/**
 * The identity of a metric within a step: a namespace (by convention the reporting class's name)
 * and a name. Immutable value; equal when both parts are equal.
 */
public final class MetricName implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final String name;

  private MetricName(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /**
   * The metric {@code name} in {@code namespace}.
   *
   * @throws IllegalArgumentException if either is null or empty
   */
  public static MetricName named(String namespace, String name) {
    return new MetricName(requireNonEmpty(namespace, "namespace"), requireNonEmpty(name, "name"));
  }

  /** The metric {@code name} in the namespace of {@code namespace}'s fully qualified name. */
  public static MetricName named(Class<?> namespace, String name) {
    return named(Objects.requireNonNull(namespace, "namespace").getName(), name);
  }

  public String getNamespace() {
    return namespace;
  }

  public String getName() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricName other && namespace.equals(other.namespace) && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return 31 * namespace.hashCode() + name.hashCode();
  }

  /** {@code namespace:name}. */
  @Override
  public String toString() {
    return namespace + ":" + name;
  }

  static String requireNonEmpty(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Metric " + what + " must be non-empty, was "
          + (value == null ? "null" : "\"\""));
    }
    return value;
  }
}
