package io.runnel.sdk.metrics;

/**
 * A metric that sums the {@code long} increments reported to it; totals are kept per step (the
 * transform that reported them). Get one from {@link Metrics#counter}.
 *
 * <p>Implementations returned by {@link Metrics} are safe to call from any thread; an update made
 * on a thread the runner is not executing a step on is dropped (see {@link MetricsEnvironment}).
 */
public interface Counter extends Metric {
  /** Adds one. */
  void inc();

  /** Adds {@code n}, which may be negative. */
  void inc(long n);

  /** Subtracts one. */
  void dec();

  /** Subtracts {@code n}. */
  void dec(long n);
}
