package io.runnel.runners.core.metrics;

import io.runnel.sdk.metrics.Gauge;
import io.runnel.sdk.metrics.GaugeResult;
import io.runnel.sdk.metrics.MetricName;
import java.time.Clock;

/** A gauge's latest value in one {@link MetricsContainerImpl}. Not thread-safe. */
final class GaugeCell implements Gauge {
  private final MetricName name;
  private final Clock clock;
  private GaugeResult latest;

  GaugeCell(MetricName name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  @Override
  public MetricName getName() {
    return name;
  }

  @Override
  public void set(long value) {
    latest = GaugeResult.create(value, clock.instant());
  }

  boolean isDirty() {
    return latest != null;
  }

  /** The value set last since the last drain; forgets it. */
  GaugeResult drain() {
    GaugeResult result = latest;
    latest = null;
    return result;
  }
}
