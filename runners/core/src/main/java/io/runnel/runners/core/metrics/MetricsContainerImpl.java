package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.Distribution;
import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.Gauge;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.MetricsContainer;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metric updates one step makes on one thread: counters as long deltas, distributions as
 * sum, count, min and max, gauges as the latest value with the wall-clock time it was set. The
 * runner makes it current (see {@link io.runnel.sdk.metrics.MetricsEnvironment}) while it runs
 * the step's user code, and at the end of each bundle takes what the bundle reported with {@link
 * #drainUpdates()}.
 *
 * <p>Cells live as long as the container (draining resets them in place), as {@link
 * MetricsContainer} requires. Not thread-safe: owned by the one thread running the step; another
 * thread may take it over only after a happens-before edge (e.g. handing over a bundle through a
 * queue).
 */
public final class MetricsContainerImpl implements MetricsContainer {
  private final String stepName;
  private final Clock clock;
  private final Map<MetricName, CounterCell> counters = new HashMap<>();
  private final Map<MetricName, DistributionCell> distributions = new HashMap<>();
  private final Map<MetricName, GaugeCell> gauges = new HashMap<>();

  /** A container for the step with full transform name {@code stepName}; gauges use the UTC clock. */
  public MetricsContainerImpl(String stepName) {
    this(stepName, Clock.systemUTC());
  }

  /** A container for {@code stepName} whose gauges are timestamped by {@code clock}. */
  public MetricsContainerImpl(String stepName, Clock clock) {
    this.stepName = Objects.requireNonNull(stepName, "stepName");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The full name of the transform this container's updates are attributed to. */
  public String stepName() {
    return stepName;
  }

  @Override
  public Counter getCounter(MetricName name) {
    return counters.computeIfAbsent(name, CounterCell::new);
  }

  @Override
  public Distribution getDistribution(MetricName name) {
    return distributions.computeIfAbsent(name, DistributionCell::new);
  }

  @Override
  public Gauge getGauge(MetricName name) {
    return gauges.computeIfAbsent(name, n -> new GaugeCell(n, clock));
  }

  /**
   * What was reported since the last drain (or since creation), keyed by this step, and resets
   * the cells: counters as deltas, distributions over the values reported since, gauges set since
   * with their latest value. Metrics not updated since are left out.
   */
  public MetricUpdates drainUpdates() {
    Map<MetricKey, Long> counterUpdates = new LinkedHashMap<>();
    counters.forEach((name, cell) -> {
      if (cell.isDirty()) {
        counterUpdates.put(key(name), cell.drain());
      }
    });
    Map<MetricKey, DistributionResult> distributionUpdates = new LinkedHashMap<>();
    distributions.forEach((name, cell) -> {
      if (cell.isDirty()) {
        distributionUpdates.put(key(name), cell.drain());
      }
    });
    Map<MetricKey, GaugeResult> gaugeUpdates = new LinkedHashMap<>();
    gauges.forEach((name, cell) -> {
      if (cell.isDirty()) {
        gaugeUpdates.put(key(name), cell.drain());
      }
    });
    return MetricUpdates.of(counterUpdates, distributionUpdates, gaugeUpdates);
  }

  private MetricKey key(MetricName name) {
    return MetricKey.create(stepName, name);
  }

  @Override
  public String toString() {
    return "MetricsContainerImpl{" + stepName + "}";
  }
}
