package io.runnel.sdk.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The metrics that matched a {@link MetricsFilter}, by kind, one {@link MetricResult} per step
 * and metric name. Immutable.
 */
public final class MetricQueryResults {
  private final List<MetricResult<Long>> counters;
  private final List<MetricResult<DistributionResult>> distributions;
  private final List<MetricResult<GaugeResult>> gauges;

  private MetricQueryResults(List<MetricResult<Long>> counters,
      List<MetricResult<DistributionResult>> distributions, List<MetricResult<GaugeResult>> gauges) {
    this.counters = counters;
    this.distributions = distributions;
    this.gauges = gauges;
  }

  /** Results holding copies of the given iterables, in their order. */
  public static MetricQueryResults create(Iterable<MetricResult<Long>> counters,
      Iterable<MetricResult<DistributionResult>> distributions,
      Iterable<MetricResult<GaugeResult>> gauges) {
    return new MetricQueryResults(copy(counters), copy(distributions), copy(gauges));
  }

  public Iterable<MetricResult<Long>> getCounters() {
    return counters;
  }

  public Iterable<MetricResult<DistributionResult>> getDistributions() {
    return distributions;
  }

  public Iterable<MetricResult<GaugeResult>> getGauges() {
    return gauges;
  }

  @Override
  public String toString() {
    return "MetricQueryResults{counters=" + counters + ", distributions=" + distributions
        + ", gauges=" + gauges + "}";
  }

  private static <T> List<T> copy(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    return Collections.unmodifiableList(list);
  }
}
