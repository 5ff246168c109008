package io.runnel.sdk.metrics;

import java.util.Objects;

/**
 * The value of one metric of one step, as a runner reports it in two flavours:
 *
 * <ul>
 *   <li><b>attempted</b>: every update made by every bundle that ran, including bundles that
 *       failed or were retried; an upper bound on what the pipeline's output reflects;
 *   <li><b>committed</b>: only updates made by bundles whose output was committed; exact, and
 *       what a user usually wants. Not every runner supports it.
 * </ul>
 *
 * When every bundle succeeds the two are equal. Immutable value.
 *
 * @param <T> the value type: {@code Long} for counters, {@link DistributionResult}, {@link GaugeResult}
 */
public final class MetricResult<T> {
  private final MetricKey key;
  private final T committed;
  private final T attempted;

  private MetricResult(MetricKey key, T committed, T attempted) {
    this.key = Objects.requireNonNull(key, "key");
    this.committed = committed;
    this.attempted = Objects.requireNonNull(attempted, "attempted");
  }

  /** A result with both values. */
  public static <T> MetricResult<T> create(MetricKey key, T committed, T attempted) {
    return new MetricResult<>(key, Objects.requireNonNull(committed, "committed"), attempted);
  }

  /** A result from a runner that does not support committed values. */
  public static <T> MetricResult<T> attempted(MetricKey key, T attempted) {
    return new MetricResult<>(key, null, attempted);
  }

  /** The metric's name; {@code getKey().metricName()}. */
  public MetricName getName() {
    return key.metricName();
  }

  /** The step that reported the metric, and the metric's name. */
  public MetricKey getKey() {
    return key;
  }

  /**
   * The value over committed bundles.
   *
   * @throws UnsupportedOperationException if the runner does not support committed metrics; use
   *     {@link #getAttempted()} there
   */
  public T getCommitted() {
    if (committed == null) {
      throw new UnsupportedOperationException("This runner does not support committed metrics"
          + " (" + key + "); use getAttempted() instead.");
    }
    return committed;
  }

  /** The value over committed bundles, or null if the runner does not support committed metrics. */
  public T getCommittedOrNull() {
    return committed;
  }

  /** The value over every bundle that ran. */
  public T getAttempted() {
    return attempted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricResult<?> other && key.equals(other.key)
        && Objects.equals(committed, other.committed) && attempted.equals(other.attempted);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, committed, attempted);
  }

  @Override
  public String toString() {
    return "MetricResult{" + key + ", committed=" + committed + ", attempted=" + attempted + "}";
  }
}
