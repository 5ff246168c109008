package io.runnel.sdk.metrics;

/** A metric a pipeline reports while it runs: a {@link Counter}, {@link Distribution} or {@link Gauge}. */
public interface Metric {
  /** The namespace and name this metric reports under. */
  MetricName getName();
}
