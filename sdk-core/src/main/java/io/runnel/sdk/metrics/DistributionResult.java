package io.runnel.sdk.metrics;

import java.io.Serializable;

/**
 * The value of a {@link Distribution}: the sum, count, minimum and maximum of the values reported.
 * With no values reported the count and sum are 0, the minimum is {@link Long#MAX_VALUE} and the
 * maximum {@link Long#MIN_VALUE} (see {@link #IDENTITY_ELEMENT}). Immutable value.
 */
public final class DistributionResult implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The result of no values; combining it with another result gives that result. */
  public static final DistributionResult IDENTITY_ELEMENT =
      new DistributionResult(0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

  private final long sum;
  private final long count;
  private final long min;
  private final long max;

  private DistributionResult(long sum, long count, long min, long max) {
    this.sum = sum;
    this.count = count;
    this.min = min;
    this.max = max;
  }

  /** @throws IllegalArgumentException if {@code count} is negative */
  public static DistributionResult create(long sum, long count, long min, long max) {
    if (count < 0) {
      throw new IllegalArgumentException("Distribution count must not be negative, was " + count);
    }
    return new DistributionResult(sum, count, min, max);
  }

  public long getSum() {
    return sum;
  }

  public long getCount() {
    return count;
  }

  public long getMin() {
    return min;
  }

  public long getMax() {
    return max;
  }

  /** {@code sum / count}, or {@link Double#NaN} when no values were reported. */
  public double getMean() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DistributionResult other
        && sum == other.sum && count == other.count && min == other.min && max == other.max;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sum) * 31 * 31 * 31 + Long.hashCode(count) * 31 * 31
        + Long.hashCode(min) * 31 + Long.hashCode(max);
  }

  @Override
  public String toString() {
    return "DistributionResult{sum=" + sum + ", count=" + count + ", min=" + min + ", max=" + max + "}";
  }
}
