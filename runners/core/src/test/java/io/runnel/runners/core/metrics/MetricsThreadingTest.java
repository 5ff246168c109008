package io.runnel.runners.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.Metrics;
import io.runnel.sdk.metrics.MetricsEnvironment;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsThreadingTest {
  private static final int INCREMENTS = 100_000;
  private static final Counter SHARED = Metrics.counter("ns", "elements");

  @Test
  void threadsWithSeparateContainersDoNotInterfereThroughASharedHandle() throws Exception {
    CountDownLatch bothScoped = new CountDownLatch(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<MetricUpdates> first = threads.submit(() -> runStep("First", 1, bothScoped));
      Future<MetricUpdates> second = threads.submit(() -> runStep("Second", 2, bothScoped));
      MetricName name = MetricName.named("ns", "elements");
      assertThat(first.get(1, TimeUnit.MINUTES).counters())
          .isEqualTo(Map.of(MetricKey.create("First", name), (long) INCREMENTS));
      assertThat(second.get(1, TimeUnit.MINUTES).counters())
          .isEqualTo(Map.of(MetricKey.create("Second", name), 2L * INCREMENTS));
    } finally {
      threads.shutdownNow();
    }
  }

  private static MetricUpdates runStep(String step, long increment, CountDownLatch bothScoped)
      throws InterruptedException {
    MetricsContainerImpl container = new MetricsContainerImpl(step);
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      bothScoped.countDown();
      // Both threads update at once, each through the one static handle.
      bothScoped.await();
      for (int i = 0; i < INCREMENTS; i++) {
        SHARED.inc(increment);
      }
    }
    return container.drainUpdates();
  }
}
