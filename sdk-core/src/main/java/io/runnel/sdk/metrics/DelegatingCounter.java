package io.runnel.sdk.metrics;

/** The {@link Counter} handle {@link Metrics#counter} returns; see {@link DelegatingMetric}. */
final class DelegatingCounter extends DelegatingMetric<Counter> implements Counter {
  private static final long serialVersionUID = 1L;

  DelegatingCounter(MetricName name) {
    super(name);
  }

  @Override
  public void inc() {
    inc(1);
  }

  @Override
  public void inc(long n) {
    Counter cell = cell();
    if (cell != null) {
      cell.inc(n);
    }
  }

  @Override
  public void dec() {
    inc(-1);
  }

  @Override
  public void dec(long n) {
    inc(-n);
  }

  @Override
  Counter cellIn(MetricsContainer container, MetricName name) {
    return container.getCounter(name);
  }
}
