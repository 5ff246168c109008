package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.MetricName;

/** A counter's running delta in one {@link MetricsContainerImpl}. Not thread-safe. */
final class CounterCell implements Counter {
  private final MetricName name;
  private long delta;
  private boolean dirty;

  CounterCell(MetricName name) {
    this.name = name;
  }

  @Override
  public MetricName getName() {
    return name;
  }

  @Override
  public void inc() {
    inc(1);
  }

  @Override
  public void inc(long n) {
    delta += n;
    dirty = true;
  }

  @Override
  public void dec() {
    inc(-1);
  }

  @Override
  public void dec(long n) {
    inc(-n);
  }

  boolean isDirty() {
    return dirty;
  }

  /** The delta since the last drain; resets it. */
  long drain() {
    long result = delta;
    delta = 0;
    dirty = false;
    return result;
  }
}
