package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricQueryResults;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.CombineWithDroppedLateData;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.sdk.values.TupleTag;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesCounterMetrics;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: data later than the allowed lateness is never lost silently; a grouping asked for
 * its dropped late data gives it back as a collection.
 */
@UsesTestStream
class DroppedLateDataTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private static TimestampedValue<KV<String, Integer>> score(String team, int points, long seconds) {
    return TimestampedValue.of(KV.of(team, points), at(seconds));
  }

  /** One on-time score, one late but allowed, one beyond the allowed lateness. */
  private PCollection<KV<String, Integer>> scores() {
    TestStream<KV<String, Integer>> stream = TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
        .addElements(score("red", 1, 10))
        .advanceWatermarkTo(at(65))
        .addElements(score("red", 2, 20))
        .advanceWatermarkTo(at(200))
        .addElements(score("red", 4, 30), score("blue", 8, 150))
        .advanceWatermarkToInfinity();
    return p.apply(stream).apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1)))
        .withAllowedLateness(Duration.ofSeconds(30)));
  }

  @Test
  void groupByKeyGivesBackTheElementsItDroppedAsLate() {
    TupleTag<KV<String, Integer>> lateTag = new TupleTag<>("late") {};
    GroupByKey.WithDroppedLateData<String, Integer> grouping =
        GroupByKey.<String, Integer>create().withDroppedLateData(lateTag);
    PCollectionTuple out = scores().apply(grouping);

    PAssert.that(out.get(lateTag)).containsInAnyOrder(KV.of("red", 4));
    PAssert.that(out.get(grouping.getGroupedTag()))
        .inWindow(new IntervalWindow(at(0), at(60)))
        .satisfies(groups -> {
          int total = 0;
          for (KV<String, Iterable<Integer>> group : groups) {
            for (int v : group.getValue()) {
              total += v;
            }
          }
          if (total != 3) {
            throw new AssertionError("expected 1 + 2 in window [0, 60), got " + total);
          }
          return null;
        });
    p.run();
  }

  @Test
  void combinePerKeyGivesBackTheElementsItDroppedAsLate() {
    TupleTag<KV<String, Integer>> lateTag = new TupleTag<>("late") {};
    CombineWithDroppedLateData<String, Integer, Integer> sum =
        Combine.<String, Integer, Integer>perKey(Sum.ofIntegers()).withDroppedLateData(lateTag);
    PCollectionTuple out = scores().apply(sum);

    PAssert.that(out.get(lateTag)).containsInAnyOrder(KV.of("red", 4));
    // Discarding panes: 1 on time at watermark 65, then the allowed-late 2 fires its own late
    // pane; when the window expires nothing new is left, so no final pane is added.
    PAssert.that(out.get(sum.getCombinedTag())).inOnTimePane(new IntervalWindow(at(0), at(60)))
        .containsInAnyOrder(KV.of("red", 1));
    PAssert.that(out.get(sum.getCombinedTag())).inLatePane(new IntervalWindow(at(0), at(60)))
        .containsInAnyOrder(KV.of("red", 2));
    PAssert.that(out.get(sum.getCombinedTag())).inFinalPane(new IntervalWindow(at(0), at(60))).empty();
    PAssert.that(out.get(sum.getCombinedTag())).inWindow(new IntervalWindow(at(120), at(180)))
        .containsInAnyOrder(KV.of("blue", 8));
    p.run();
  }

  @Test
  @UsesCounterMetrics
  void droppedElementsAreCountedInAMetricNamedAfterTheGrouping() {
    scores().apply("SumScores", Sum.integersPerKey());

    PipelineResult result = p.run();

    MetricQueryResults dropped = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(GroupByKey.class, "droppedDueToLateness"))
        .addStep("SumScores").build());
    List<MetricResult<Long>> counters = new ArrayList<>();
    dropped.getCounters().forEach(counters::add);
    assertThat(counters).hasSize(1);
    // Committed where the runner supports it, else attempted: either counts the one drop.
    Long committed = counters.get(0).getCommittedOrNull();
    assertThat(committed != null ? committed : counters.get(0).getAttempted()).isEqualTo(1L);
  }
}
