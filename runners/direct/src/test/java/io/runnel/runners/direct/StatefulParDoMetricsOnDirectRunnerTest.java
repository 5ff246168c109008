package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.metrics.DistributionResult;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
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
 * The metrics the direct runner reports for each stateful ParDo, which are not part of the SDK
 * (so not in the conformance suite): the distributions {@code ParDo/liveStateWindows} (key and
 * window pairs) and {@code ParDo/liveStateCells} (non-empty state cells), sampled as time moves,
 * and the counter {@code ParDo/droppedDueToLateness} of elements that arrived after their window
 * expired.
 */
class StatefulParDoMetricsOnDirectRunnerTest {
  private static final int WINDOWS = 200;
  private static final int KEYS_PER_WINDOW = 50;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Counts the elements of each key and window in value state. */
  static final class CountFn extends DoFn<KV<String, Integer>, Integer> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@StateId("count") ValueState<Integer> count, OutputReceiver<Integer> out) {
      int next = count.read() == null ? 1 : count.read() + 1;
      count.write(next);
      out.output(next);
    }
  }

  @Test
  void stateOfExpiredWindowsIsDroppedSoLiveStateStaysBounded() {
    TestStream.Builder<KV<String, Integer>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    for (int w = 0; w < WINDOWS; w++) {
      List<TimestampedValue<KV<String, Integer>>> batch = new ArrayList<>();
      for (int k = 0; k < KEYS_PER_WINDOW; k++) {
        Instant timestamp = Instant.ofEpochSecond(w).plusMillis(k);
        batch.add(TimestampedValue.of(KV.of("key-" + w + "-" + k, 1), timestamp));
      }
      stream = addAll(stream, batch).advanceWatermarkTo(Instant.ofEpochSecond(w + 1));
    }
    PCollection<Integer> counts = p.apply(stream.advanceWatermarkToInfinity())
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofSeconds(1))))
        .apply("CountPerKey", ParDo.of(new CountFn()));
    // Every key is new in its window: each window counts KEYS_PER_WINDOW ones.
    List<KV<Integer, Long>> onesPerWindow = new ArrayList<>();
    for (int w = 0; w < WINDOWS; w++) {
      onesPerWindow.add(KV.of(1, (long) KEYS_PER_WINDOW));
    }
    PAssert.that(counts.apply(Count.perElement())).containsInAnyOrder(onesPerWindow);

    PipelineResult result = p.run();

    DistributionResult windows = liveState(result, "liveStateWindows");
    DistributionResult cells = liveState(result, "liveStateCells");
    assertThat(windows.getMax()).isBetween((long) KEYS_PER_WINDOW, 2L * KEYS_PER_WINDOW);
    assertThat(cells.getMax()).isBetween((long) KEYS_PER_WINDOW, 2L * KEYS_PER_WINDOW);
    assertThat(windows.getCount()).isGreaterThanOrEqualTo(WINDOWS);
  }

  @Test
  void elementsOfExpiredWindowsAreCountedAsDroppedDueToLateness() {
    PCollection<Integer> counts = p
        .apply(TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .addElements(TimestampedValue.of(KV.of("a", 1), Instant.ofEpochSecond(10)))
            .advanceWatermarkTo(Instant.ofEpochSecond(70))
            .addElements(TimestampedValue.of(KV.of("a", 1), Instant.ofEpochSecond(20)))
            .advanceWatermarkTo(Instant.ofEpochSecond(200))
            .addElements(TimestampedValue.of(KV.of("a", 1), Instant.ofEpochSecond(30)))
            .advanceWatermarkToInfinity())
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1)))
            .withAllowedLateness(Duration.ofSeconds(30)))
        .apply("Count", ParDo.of(new CountFn()));
    PAssert.that(counts).containsInAnyOrder(1, 2);

    PipelineResult result = p.run();

    List<MetricResult<Long>> dropped = new ArrayList<>();
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(ParDo.class, "droppedDueToLateness")).build())
        .getCounters().forEach(dropped::add);
    assertThat(dropped).hasSize(1);
    assertThat(dropped.get(0).getKey().stepName()).startsWith("Count");
    assertThat(dropped.get(0).getCommitted()).isEqualTo(1L);
  }

  @SuppressWarnings("unchecked")
  private static TestStream.Builder<KV<String, Integer>> addAll(
      TestStream.Builder<KV<String, Integer>> stream,
      List<TimestampedValue<KV<String, Integer>>> batch) {
    TimestampedValue<KV<String, Integer>>[] rest = batch.subList(1, batch.size())
        .toArray(new TimestampedValue[0]);
    return stream.addElements(batch.get(0), rest);
  }

  private static DistributionResult liveState(PipelineResult result, String name) {
    List<MetricResult<DistributionResult>> found = new ArrayList<>();
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(ParDo.class, name))
            .build())
        .getDistributions().forEach(found::add);
    assertThat(found).as("distribution ParDo/%s of the stateful ParDo", name).hasSize(1);
    assertThat(found.get(0).getKey().stepName()).contains("CountPerKey");
    return found.get(0).getCommitted();
  }
}
