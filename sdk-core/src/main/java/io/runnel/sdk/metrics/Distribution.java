package io.runnel.sdk.metrics;

/**
 * A metric that tracks the sum, count, minimum and maximum of the {@code long} values reported to
 * it (and so their mean), per step. Get one from {@link Metrics#distribution}.
 *
 * <p>Implementations returned by {@link Metrics} are safe to call from any thread; an update made
 * on a thread the runner is not executing a step on is dropped (see {@link MetricsEnvironment}).
 */
public interface Distribution extends Metric {
  /** Reports one value. */
  void update(long value);

  /**
   * Reports {@code count} values at once, already summarized: their {@code sum}, smallest
   * {@code min} and largest {@code max}. Nothing is reported when {@code count} is zero.
   *
   * @throws IllegalArgumentException if {@code count} is negative, or positive with {@code min >
   *     max}
   */
  void update(long sum, long count, long min, long max);
}
