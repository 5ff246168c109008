package io.runnel.runners.core.metrics;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link MetricsContainerImpl}s of the steps one thread runs (say, one copy of a fused chain),
 * by the steps' full transform names, so each metric is attributed to the transform whose user
 * code reported it. Not thread-safe: owned by one thread, like its containers.
 */
public final class MetricsContainerStepMap {
  private final Clock clock;
  private final Map<String, MetricsContainerImpl> containers = new LinkedHashMap<>();

  /** A map whose containers timestamp gauges with the UTC clock. */
  public MetricsContainerStepMap() {
    this(Clock.systemUTC());
  }

  /** A map whose containers timestamp gauges with {@code clock}. */
  public MetricsContainerStepMap(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The container of the step whose full transform name is {@code stepName} (as in {@code
   * TransformNode.getFullName()}), created on first use; always the same one for a name.
   */
  public MetricsContainerImpl getContainer(String stepName) {
    return containers.computeIfAbsent(stepName, name -> new MetricsContainerImpl(name, clock));
  }

  /** What every step reported since the last drain, merged; resets the containers. */
  public MetricUpdates drainUpdates() {
    MetricTotals totals = new MetricTotals();
    for (MetricsContainerImpl container : containers.values()) {
      totals.add(container.drainUpdates());
    }
    return totals.snapshot();
  }
}
