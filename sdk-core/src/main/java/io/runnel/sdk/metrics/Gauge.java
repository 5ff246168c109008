package io.runnel.sdk.metrics;

/**
 * A metric that keeps the latest {@code long} value reported to it, with the (wall clock) time it
 * was reported; across bundles and workers the value reported last wins. Get one from {@link
 * Metrics#gauge}.
 *
 * <p>Implementations returned by {@link Metrics} are safe to call from any thread; an update made
 * on a thread the runner is not executing a step on is dropped (see {@link MetricsEnvironment}).
 */
public interface Gauge extends Metric {
  /** Sets the current value. */
  void set(long value);
}
