package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: an element arriving after its window expired (end plus allowed lateness) does not
 * reach a stateful DoFn, whose state there is already gone; it is counted in the metric {@code
 * ParDo/droppedDueToLateness}. Within the allowed lateness it is processed with the window's state.
 */
class StatefulLateDataTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<KV<String, Integer>> at(String key, long seconds) {
    return TimestampedValue.of(KV.of(key, 1), Instant.ofEpochSecond(seconds));
  }

  @Test
  void elementsOfExpiredWindowsAreDroppedAndCountedOthersSeeTheWindowsState() {
    PCollection<KV<String, Integer>> counts = p
        .apply(TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .addElements(at("a", 10))
            .advanceWatermarkTo(Instant.ofEpochSecond(70))
            .addElements(at("a", 20))
            .advanceWatermarkTo(Instant.ofEpochSecond(200))
            .addElements(at("a", 30))
            .advanceWatermarkToInfinity())
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1)))
            .withAllowedLateness(Duration.ofSeconds(30)))
        .apply("Count", ParDo.of(new StateKindsTest.CountFn()));

    PAssert.that(counts).containsInAnyOrder(KV.of("a", 1), KV.of("a", 2));
    PipelineResult result = p.run();

    List<MetricResult<Long>> dropped = new ArrayList<>();
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(ParDo.class, "droppedDueToLateness")).build())
        .getCounters().forEach(dropped::add);
    assertThat(dropped).hasSize(1);
    assertThat(dropped.get(0).getCommitted()).isEqualTo(1L);
  }
}
