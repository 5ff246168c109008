package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.Distribution;
import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.MetricName;

/** A distribution's values since the last drain in one {@link MetricsContainerImpl}. Not thread-safe. */
final class DistributionCell implements Distribution {
  private final MetricName name;
  private long sum;
  private long count;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  DistributionCell(MetricName name) {
    this.name = name;
  }

  @Override
  public MetricName getName() {
    return name;
  }

  @Override
  public void update(long value) {
    sum += value;
    count++;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  @Override
  public void update(long sum, long count, long min, long max) {
    if (count < 0 || (count > 0 && min > max)) {
      throw new IllegalArgumentException("Distribution " + name + " cannot take " + count
          + " values with min " + min + " and max " + max + ": count must not be negative and"
          + " min must not exceed max");
    }
    if (count == 0) {
      return;
    }
    this.sum += sum;
    this.count += count;
    this.min = Math.min(this.min, min);
    this.max = Math.max(this.max, max);
  }

  boolean isDirty() {
    return count > 0;
  }

  /** The values since the last drain; resets them. */
  DistributionResult drain() {
    DistributionResult result = DistributionResult.create(sum, count, min, max);
    sum = 0;
    count = 0;
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
    return result;
  }
}
