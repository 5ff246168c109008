package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.Distribution;
import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.Gauge;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricQueryResults;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.Metrics;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesAttemptedMetrics;
import io.runnel.testing.UsesCommittedMetrics;
import io.runnel.testing.UsesCounterMetrics;
import io.runnel.testing.UsesDistributionMetrics;
import io.runnel.testing.UsesGaugeMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: user metrics reported from DoFns come back from the pipeline result per step. */
@UsesCounterMetrics
@UsesCommittedMetrics
class MetricsTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Counts elements, records their lengths and the last length seen. */
  private static final class Measure extends DoFn<String, String> {
    private final Counter elements = Metrics.counter(MetricsTest.class, "elements");
    private final Distribution lengths = Metrics.distribution(MetricsTest.class, "lengths");
    private final Gauge lastLength = Metrics.gauge(MetricsTest.class, "lastLength");

    @ProcessElement
    public void process(@Element String word, OutputReceiver<String> out) {
      elements.inc();
      lengths.update(word.length());
      lastLength.set(word.length());
      out.output(word);
    }
  }

  private static List<Integer> lengthsOf(List<String> words) {
    List<Integer> lengths = new ArrayList<>();
    words.forEach(w -> lengths.add(w.length()));
    return lengths;
  }

  @Test
  @UsesAttemptedMetrics
  @UsesDistributionMetrics
  @UsesGaugeMetrics
  void countersAndDistributionsAddUpOverEveryElementOfTheStep() {
    List<String> words = List.of("a", "bb", "ccc", "dddd", "a");
    p.apply(Create.of(words)).apply("Measure", ParDo.of(new Measure()));

    PipelineResult result = p.run();

    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(MetricsTest.class)).addStep("Measure").build());
    MetricResult<Long> counter = metrics.getCounters().iterator().next();
    assertThat(counter.getKey().stepName()).contains("Measure");
    assertThat(counter.getCommitted()).isEqualTo(words.size());
    assertThat(counter.getAttempted()).isEqualTo(words.size());
    DistributionResult distribution = metrics.getDistributions().iterator().next().getCommitted();
    List<Integer> lengths = lengthsOf(words);
    assertThat(distribution.getCount()).isEqualTo(lengths.size());
    assertThat(distribution.getSum()).isEqualTo(lengths.stream().mapToLong(Integer::longValue).sum());
    assertThat(distribution.getMin()).isEqualTo(lengths.stream().mapToLong(Integer::longValue).min().getAsLong());
    assertThat(distribution.getMax()).isEqualTo(lengths.stream().mapToLong(Integer::longValue).max().getAsLong());
    assertThat(metrics.getGauges()).hasSize(1);
  }

  @Test
  void stepFiltersSelectOnlyTheMatchingTransform() {
    p.apply(Create.of("x", "y")).apply("First", ParDo.of(new Measure())).apply("Second", ParDo.of(new Measure()));

    PipelineResult result = p.run();

    MetricQueryResults second = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(MetricsTest.class, "elements")).addStep("Second").build());
    List<MetricResult<Long>> counters = new ArrayList<>();
    second.getCounters().forEach(counters::add);
    assertThat(counters).hasSize(1);
    assertThat(counters.get(0).getKey().stepName()).startsWith("Second");
    assertThat(counters.get(0).getCommitted()).isEqualTo(2L);
  }
}
