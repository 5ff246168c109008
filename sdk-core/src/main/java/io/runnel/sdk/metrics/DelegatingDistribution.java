package io.runnel.sdk.metrics;

/** The {@link Distribution} handle {@link Metrics#distribution} returns; see {@link DelegatingMetric}. */
final class DelegatingDistribution extends DelegatingMetric<Distribution> implements Distribution {
  private static final long serialVersionUID = 1L;

  DelegatingDistribution(MetricName name) {
    super(name);
  }

  @Override
  public void update(long value) {
    Distribution cell = cell();
    if (cell != null) {
      cell.update(value);
    }
  }

  @Override
  public void update(long sum, long count, long min, long max) {
    Distribution cell = cell();
    if (cell != null) {
      cell.update(sum, count, min, max);
    }
  }

  @Override
  Distribution cellIn(MetricsContainer container, MetricName name) {
    return container.getDistribution(name);
  }
}
