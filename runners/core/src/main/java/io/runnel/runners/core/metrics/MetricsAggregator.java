package io.runnel.runners.core.metrics;

import java.util.Objects;

/**
 * A run's metric totals, per step and metric, in two flavours (see {@link
 * io.runnel.sdk.metrics.MetricResult}):
 *
 * <ul>
 *   <li><b>attempted</b>: every bundle's updates, given to {@link #recordAttempted} when the
 *       bundle finishes, whether it succeeded or failed;
 *   <li><b>committed</b>: the updates of bundles whose output was committed, given to {@link
 *       #commit} when (and only if) the bundle's output commits.
 * </ul>
 *
 * The same updates go to both for a successful bundle, so without failures committed equals
 * attempted. Thread-safe: workers may record and commit concurrently with queries.
 */
public final class MetricsAggregator {
  private final MetricTotals attempted = new MetricTotals();
  private final MetricTotals committed = new MetricTotals();

  /** Both totals at one moment. */
  public record Snapshot(MetricUpdates attempted, MetricUpdates committed) {
    public Snapshot {
      Objects.requireNonNull(attempted, "attempted");
      Objects.requireNonNull(committed, "committed");
    }
  }

  /** Adds a finished (or failed) bundle's updates to the attempted totals. */
  public synchronized void recordAttempted(MetricUpdates updates) {
    attempted.add(Objects.requireNonNull(updates, "updates"));
  }

  /**
   * Adds a committed bundle's updates to the committed totals; call it as the bundle's output is
   * committed, with the updates already given to {@link #recordAttempted}.
   */
  public synchronized void commit(MetricUpdates updates) {
    committed.add(Objects.requireNonNull(updates, "updates"));
  }

  /** The attempted and committed totals so far, consistent with each other. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(attempted.snapshot(), committed.snapshot());
  }
}
