package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesTestStream;
import io.runnel.testing.UsesTestStreamWithProcessingTime;
import io.runnel.windowing.AfterAll;
import io.runnel.windowing.AfterEach;
import io.runnel.windowing.AfterFirst;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.Never;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Trigger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each trigger kind on a small {@link TestStream}, summed per key in ten-minute windows, every
 * pane compared exactly (see {@link DescribePaneFn}). Expectations follow Beam's trigger state
 * machines and {@code ReduceFnRunner}: a trigger that finishes closes its window so later elements
 * are dropped and its last pane is marked last, processing-time triggers fire once processing time
 * is strictly after their target, the watermark passing the end of the window emits the ON_TIME
 * pane even when empty, and the garbage-collection time (end of window plus allowed lateness)
 * emits a final pane only if it holds new data. Triggers are evaluated once per bundle; every
 * script here adds one element per {@code addElements} call, so the panes do not depend on how a
 * runner cuts bundles (the direct runner's one bundle per call is checked in its own tests).
 */
@UsesTestStream
class TriggersTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  private static Instant at(int minute) {
    return Instant.EPOCH.plus(Duration.ofMinutes(minute));
  }

  private static TimestampedValue<KV<String, Integer>> score(int value, int minute) {
    return TimestampedValue.of(KV.of("k", value), at(minute));
  }

  private static TestStream.Builder<KV<String, Integer>> stream() {
    return TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
  }

  private static Window<KV<String, Integer>> tenMinuteWindows(Trigger trigger, Duration lateness) {
    return Window.<KV<String, Integer>>into(FixedWindows.of(TEN_MINUTES))
        .triggering(trigger).withAllowedLateness(lateness);
  }

  private void check(TestStream<KV<String, Integer>> input, Window<KV<String, Integer>> windowing,
      String... expectedPanes) {
    PCollection<String> panes = p.apply(input).apply(windowing)
        .apply(Sum.integersPerKey()).apply(ParDo.of(new DescribePaneFn<>()));
    PAssert.that(panes).containsInAnyOrder(expectedPanes);
    p.run();
  }

  @Test
  void elementCountTriggerFiresOnceThenClosesTheWindow() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .addElements(score(4, 3))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(AfterPane.elementCountAtLeast(2), Duration.ZERO).discardingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first last");
  }

  @Test
  void repeatedElementCountFiresEveryTwoElementsAndTheRestAtTheEndOfTheWindow() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .addElements(score(4, 3))
            .addElements(score(8, 4))
            .addElements(score(16, 5))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(Repeatedly.forever(AfterPane.elementCountAtLeast(2)), Duration.ZERO)
            .accumulatingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first",
        "[0m, 10m) k:15 EARLY index=1",
        "[0m, 10m) k:31 ON_TIME index=2 onTimeIndex=0 last");
  }

  @Test
  void repeatedTriggerStillEmitsAnEmptyOnTimePaneWhenTheWindowExpires() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(Repeatedly.forever(AfterPane.elementCountAtLeast(2)), Duration.ZERO)
            .discardingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first",
        "[0m, 10m) k:0 ON_TIME index=1 onTimeIndex=0 last");
  }

  @Test
  void afterEachRunsItsTriggersInOrderAndFinishesWithTheLast() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .addElements(score(4, 3))
            .addElements(score(8, 4))
            .addElements(score(16, 5))
            .addElements(score(32, 6))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(AfterEach.inOrder(AfterPane.elementCountAtLeast(2),
            AfterPane.elementCountAtLeast(3)), Duration.ZERO).discardingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first",
        "[0m, 10m) k:28 EARLY index=1 last");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void afterFirstFiresWhenEitherTriggerFiresThenCloses() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            // Processing time passes the 5-minute delay of the first window; 2 elements < 3.
            .advanceProcessingTime(Duration.ofMinutes(6))
            .addElements(score(10, 11))
            .addElements(score(20, 12))
            .addElements(score(30, 13))
            // The first window is closed.
            .addElements(score(4, 3))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(AfterFirst.of(AfterPane.elementCountAtLeast(3),
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMinutes(5))),
            Duration.ZERO).discardingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first last",
        "[10m, 20m) k:60 EARLY index=0 first last");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void afterAllFiresOnlyOnceEveryTriggerHasFired() {
    check(stream()
            .addElements(score(1, 1))
            // The delay has passed for the first window, but it holds one element only.
            .advanceProcessingTime(Duration.ofMinutes(6))
            .addElements(score(2, 2))
            .addElements(score(10, 11))
            .addElements(score(20, 12))
            // Two elements in the second window; now its delay passes too.
            .advanceProcessingTime(Duration.ofMinutes(6))
            .addElements(score(4, 3))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(AfterAll.of(AfterPane.elementCountAtLeast(2),
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMinutes(5))),
            Duration.ZERO).discardingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first last",
        "[10m, 20m) k:30 EARLY index=0 first last");
  }

  @Test
  void orFinallyFiresTheMainTriggerUntilTheFinallyTriggerFires() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .addElements(score(4, 3))
            .addElements(score(8, 4))
            .addElements(score(16, 5))
            .addElements(score(32, 6))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(Repeatedly.forever(AfterPane.elementCountAtLeast(2))
                .orFinally(AfterPane.elementCountAtLeast(5)), Duration.ZERO)
            .accumulatingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first",
        "[0m, 10m) k:15 EARLY index=1",
        "[0m, 10m) k:31 EARLY index=2 last");
  }

  @Test
  void neverFiresOnlyOnceAtGarbageCollectionWithEverythingInTheAllowedLateness() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .advanceWatermarkTo(at(12))
            // Late, within the ten minutes of allowed lateness.
            .addElements(score(4, 5))
            .advanceWatermarkTo(at(25))
            // Behind the garbage-collection time (10m + 10m): dropped.
            .addElements(score(8, 6))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(Never.ever(), TEN_MINUTES).discardingFiredPanes(),
        "[0m, 10m) k:7 ON_TIME index=0 onTimeIndex=0 first last");
  }

  @Test
  void watermarkTriggerFiresEarlyOnTimeAndLatePanes() {
    check(stream()
            .addElements(score(1, 1))
            .addElements(score(2, 2))
            .advanceWatermarkTo(at(10))
            .addElements(score(4, 3))
            .advanceWatermarkTo(at(25))
            .addElements(score(8, 4))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterPane.elementCountAtLeast(1))
                .withLateFirings(AfterPane.elementCountAtLeast(1)), TEN_MINUTES)
            .discardingFiredPanes(),
        "[0m, 10m) k:1 EARLY index=0 first",
        "[0m, 10m) k:2 EARLY index=1",
        "[0m, 10m) k:0 ON_TIME index=2 onTimeIndex=0",
        "[0m, 10m) k:4 LATE index=3 onTimeIndex=1");
  }

  @Test
  void watermarkTriggerWithoutLateFiringsClosesTheWindowWithTheOnTimePane() {
    check(stream()
            .addElements(score(1, 1))
            .advanceWatermarkTo(at(10))
            .addElements(score(2, 2))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(AfterWatermark.pastEndOfWindow(), TEN_MINUTES).discardingFiredPanes(),
        "[0m, 10m) k:1 ON_TIME index=0 onTimeIndex=0 first last");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void processingTimeDelayFiresOnlyAfterVirtualTimeMovesPastIt() {
    check(stream()
            .addElements(score(1, 1))
            .advanceProcessingTime(Duration.ofMinutes(3))
            .addElements(score(2, 2))
            // 6 minutes after the first element: the pane holds both.
            .advanceProcessingTime(Duration.ofMinutes(3))
            .addElements(score(4, 3))
            // 4 minutes after the 4: not yet.
            .advanceProcessingTime(Duration.ofMinutes(4))
            .addElements(score(8, 4))
            // 7 minutes after the 4.
            .advanceProcessingTime(Duration.ofMinutes(3))
            .advanceWatermarkToInfinity(),
        tenMinuteWindows(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane()
                .plusDelayOf(Duration.ofMinutes(5))), Duration.ZERO)
            .accumulatingFiredPanes(),
        "[0m, 10m) k:3 EARLY index=0 first",
        "[0m, 10m) k:15 EARLY index=1",
        "[0m, 10m) k:15 ON_TIME index=2 onTimeIndex=0 last");
  }
}
