package io.runnel.sdk.metrics;

/**
 * Where the metric updates of one step are kept while it runs; for runners. A runner makes the
 * container of the step it is executing current on the executing thread with {@link
 * MetricsEnvironment}, and the handles from {@link Metrics} report to it.
 *
 * <p>Contract for implementations: for one container, each method returns the same cell for the
 * same name for the container's whole life (handles cache the cell of the last container they
 * saw), and creates the cell on first use. Thread safety is the implementation's to state;
 * typically a container is owned by one thread.
 */
public interface MetricsContainer {
  /** The cell of counter {@code name} in this container. */
  Counter getCounter(MetricName name);

  /** The cell of distribution {@code name} in this container. */
  Distribution getDistribution(MetricName name);

  /** The cell of gauge {@code name} in this container. */
  Gauge getGauge(MetricName name);
}
