package io.runnel.sdk.metrics;

/** The {@link Gauge} handle {@link Metrics#gauge} returns; see {@link DelegatingMetric}. */
final class DelegatingGauge extends DelegatingMetric<Gauge> implements Gauge {
  private static final long serialVersionUID = 1L;

  DelegatingGauge(MetricName name) {
    super(name);
  }

  @Override
  public void set(long value) {
    Gauge cell = cell();
    if (cell != null) {
      cell.set(value);
    }
  }

  @Override
  Gauge cellIn(MetricsContainer container, MetricName name) {
    return container.getGauge(name);
  }
}
