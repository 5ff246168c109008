package io.runnel.sdk.metrics;

import java.io.Serializable;
import java.util.Objects;

/**
 * A metric as reported by one step: the step's full transform name (e.g. {@code
 * "Count words/ParDo(ExtractWords)"}) and the metric's name. Immutable value.
 */
public record MetricKey(String stepName, MetricName metricName) implements Serializable {
  public MetricKey {
    Objects.requireNonNull(stepName, "stepName");
    Objects.requireNonNull(metricName, "metricName");
  }

  public static MetricKey create(String stepName, MetricName metricName) {
    return new MetricKey(stepName, metricName);
  }

  /** {@code step:namespace:name}. */
  @Override
  public String toString() {
    return stepName + ":" + metricName;
  }
}
