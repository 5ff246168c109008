package io.runnel.sdk.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A container for tests that sums counters, records distribution values and keeps gauges. */
final class RecordingContainer implements MetricsContainer {
  final Map<MetricName, long[]> counters = new HashMap<>();
  final Map<MetricName, List<Long>> distributions = new HashMap<>();
  final Map<MetricName, Long> gauges = new HashMap<>();
  int lookups;

  long counter(String namespace, String name) {
    long[] cell = counters.get(MetricName.named(namespace, name));
    return cell == null ? 0 : cell[0];
  }

  @Override
  public Counter getCounter(MetricName name) {
    lookups++;
    long[] cell = counters.computeIfAbsent(name, n -> new long[1]);
    return new Counter() {
      @Override
      public void inc() {
        inc(1);
      }

      @Override
      public void inc(long n) {
        cell[0] += n;
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
      public MetricName getName() {
        return name;
      }
    };
  }

  @Override
  public Distribution getDistribution(MetricName name) {
    lookups++;
    List<Long> values = distributions.computeIfAbsent(name, n -> new ArrayList<>());
    return new Distribution() {
      @Override
      public void update(long value) {
        values.add(value);
      }

      @Override
      public void update(long sum, long count, long min, long max) {
        values.add(sum);
      }

      @Override
      public MetricName getName() {
        return name;
      }
    };
  }

  @Override
  public Gauge getGauge(MetricName name) {
    lookups++;
    return new Gauge() {
      @Override
      public void set(long value) {
        gauges.put(name, value);
      }

      @Override
      public MetricName getName() {
        return name;
      }
    };
  }
}
