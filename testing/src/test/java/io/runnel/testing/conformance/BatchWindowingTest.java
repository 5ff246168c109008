package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.TimestampCombiner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: event-time windowing of bounded input with the default trigger, where every
 * window fires once when the input is complete.
 */
class BatchWindowingTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static Instant t(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private static final SerializableFunction<Iterable<Long>, Long> SUM = values -> {
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum;
  };

  private PCollection<KV<String, Long>> scores() {
    return p.apply(Create.timestamped(
            TimestampedValue.of(KV.of("blue", 5L), t(10)),
            TimestampedValue.of(KV.of("blue", 7L), t(70)),
            TimestampedValue.of(KV.of("red", 3L), t(20)),
            TimestampedValue.of(KV.of("blue", 1L), t(130)))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
  }

  /** Formats each output as key:value@[window) with its timestamp, for exact checks. */
  private static final class Describe extends DoFn<KV<String, Long>, String> {
    @ProcessElement
    public void process(@Element KV<String, Long> kv, @Timestamp Instant ts, BoundedWindow window,
        OutputReceiver<String> out) {
      IntervalWindow w = (IntervalWindow) window;
      out.output(kv.getKey() + ":" + kv.getValue() + " [" + w.start().getEpochSecond() + ","
          + w.end().getEpochSecond() + ") ts=" + ts.toEpochMilli());
    }
  }

  /** Sums each group's values. */
  private static final class SumGroup extends DoFn<KV<String, Iterable<Long>>, KV<String, Long>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Long>> group, OutputReceiver<KV<String, Long>> out) {
      List<Long> values = new ArrayList<>();
      group.getValue().forEach(values::add);
      out.output(KV.of(group.getKey(), SUM.apply(values)));
    }
  }

  @Test
  void fixedWindowsSumPerKeyAndWindowTimestampedAtEndOfWindow() {
    PCollection<String> out = scores()
        .apply(Window.into(FixedWindows.of(Duration.ofMinutes(1))))
        .apply(Combine.perKey(SUM))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(
        "blue:5 [0,60) ts=59999", "red:3 [0,60) ts=59999",
        "blue:7 [60,120) ts=119999", "blue:1 [120,180) ts=179999");
    p.run();
  }

  @Test
  void slidingWindowsPutAnElementInEveryOverlappingWindow() {
    PCollection<String> out = scores()
        .apply(Window.into(SlidingWindows.of(Duration.ofMinutes(2)).every(Duration.ofMinutes(1))))
        .apply(Combine.perKey(SUM))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(
        "blue:5 [-60,60) ts=59999", "red:3 [-60,60) ts=59999",
        "blue:12 [0,120) ts=119999", "red:3 [0,120) ts=119999",
        "blue:8 [60,180) ts=179999", "blue:1 [120,240) ts=239999");
    p.run();
  }

  private static Window<KV<String, Long>> slidingWithOffset(TimestampCombiner combiner) {
    return Window.<KV<String, Long>>into(SlidingWindows.of(Duration.ofMinutes(2))
            .every(Duration.ofMinutes(1)).withOffset(Duration.ofSeconds(30)))
        .withTimestampCombiner(combiner);
  }

  @Test
  void offsetSlidingWindowsCombineEachWindowTimestampedAtItsLatestElement() {
    PCollection<String> out = scores()
        .apply(slidingWithOffset(TimestampCombiner.LATEST))
        .apply(Combine.perKey(SUM))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(
        "blue:5 [-90,30) ts=10000", "red:3 [-90,30) ts=20000",
        "blue:12 [-30,90) ts=70000", "red:3 [-30,90) ts=20000",
        "blue:8 [30,150) ts=130000", "blue:1 [90,210) ts=130000");
    p.run();
  }

  @Test
  void offsetSlidingWindowsCombineEachWindowTimestampedAtItsEarliestElement() {
    PCollection<String> out = scores()
        .apply(slidingWithOffset(TimestampCombiner.EARLIEST))
        .apply(Combine.perKey(SUM))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(
        "blue:5 [-90,30) ts=10000", "red:3 [-90,30) ts=20000",
        "blue:12 [-30,90) ts=10000", "red:3 [-30,90) ts=20000",
        "blue:8 [30,150) ts=70000", "blue:1 [90,210) ts=130000");
    p.run();
  }

  @Test
  void sessionsMergeElementsCloserThanTheGap() {
    PCollection<String> out = scores()
        .apply(Window.into(Sessions.withGapDuration(Duration.ofSeconds(61))))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new SumGroup()))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(
        "blue:13 [10,191) ts=190999", "red:3 [20,81) ts=80999");
    p.run();
  }

  @Test
  void combinedSessionsMergeTheirAccumulators() {
    PCollection<String> out = scores()
        .apply(Window.into(Sessions.withGapDuration(Duration.ofSeconds(61))))
        .apply(Combine.perKey(SUM))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder("blue:13 [10,191) ts=190999", "red:3 [20,81) ts=80999");
    p.run();
  }

  @Test
  void paneAwareAssertionsSelectOneWindowAndItsPanes() {
    PCollection<KV<String, Long>> sums = scores()
        .apply(Window.into(FixedWindows.of(Duration.ofMinutes(1))))
        .apply(Combine.perKey(SUM));
    IntervalWindow first = new IntervalWindow(t(0), t(60));
    PAssert.that(sums).inWindow(first).containsInAnyOrder(KV.of("blue", 5L), KV.of("red", 3L));
    PAssert.that(sums).inOnTimePane(first).containsInAnyOrder(KV.of("blue", 5L), KV.of("red", 3L));
    PAssert.that(sums).inFinalPane(new IntervalWindow(t(60), t(120))).containsInAnyOrder(KV.of("blue", 7L));
    PAssert.that(sums).inEarlyPane(first).empty();
    PAssert.that(sums).inLatePane(first).empty();
    PAssert.that(sums).inCombinedNonLatePanes(first).containsInAnyOrder(KV.of("blue", 5L), KV.of("red", 3L));
    p.run();
  }

  @Test
  void earliestTimestampCombinerTimestampsGroupsAtTheirFirstElement() {
    PCollection<String> out = scores()
        .apply(Window.<KV<String, Long>>into(FixedWindows.of(Duration.ofMinutes(1)))
            .withTimestampCombiner(TimestampCombiner.EARLIEST))
        .apply(Combine.perKey(SUM))
        .apply(ParDo.of(new Describe()));
    PAssert.that(out).containsInAnyOrder(
        "blue:5 [0,60) ts=10000", "red:3 [0,60) ts=20000",
        "blue:7 [60,120) ts=70000", "blue:1 [120,180) ts=130000");
    p.run();
  }
}
