package io.runnel.testing.conformance;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SimpleFunction;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.NonMergingWindowFn;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A window function written by a user, not one of the built-ins, goes through grouping, combining,
 * triggers and lateness exactly as the built-ins do. {@link SizedByValueWindows} puts each element
 * in a tumbling window whose size in minutes is the element's value, so one key spans windows of
 * different sizes that end, fire and expire at different times.
 */
class CustomWindowFnTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /**
   * Assigns {@code KV(key, n)} at time {@code t} to the window {@code [k * n, (k + 1) * n)} minutes
   * since the epoch that contains {@code t}. Equal to every other instance.
   */
  static final class SizedByValueWindows extends NonMergingWindowFn<KV<String, Integer>, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      long sizeMillis = Duration.ofMinutes(c.element().getValue()).toMillis();
      long time = c.timestamp().toEpochMilli();
      Instant start = Instant.ofEpochMilli(time - Math.floorMod(time, sizeMillis));
      return List.of(new IntervalWindow(start, Duration.ofMillis(sizeMillis)));
    }

    @Override
    public boolean assignsToOneWindow() {
      return true;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SizedByValueWindows;
    }

    @Override
    public int hashCode() {
      return SizedByValueWindows.class.hashCode();
    }
  }

  private static Instant at(int minute) {
    return Instant.EPOCH.plus(Duration.ofMinutes(minute));
  }

  private static TimestampedValue<KV<String, Integer>> sized(String key, int minutes, int minute) {
    return TimestampedValue.of(KV.of(key, minutes), at(minute));
  }

  private static IntervalWindow minutes(int start, int end) {
    return new IntervalWindow(at(start), at(end));
  }

  private static final KvCoder<String, Integer> CODER = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  /** Formats a group as {@code key:[values in ascending order]}. */
  private static final class FormatGroup extends SimpleFunction<KV<String, Iterable<Integer>>, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(KV<String, Iterable<Integer>> group) {
      return group.getKey() + ":" + StreamSupport.stream(group.getValue().spliterator(), false).sorted().toList();
    }
  }

  @Test
  void groupByKeyGroupsPerKeyAndPerCustomWindow() {
    PCollection<KV<String, Integer>> input = p.apply(Create.timestamped(
            sized("a", 10, 3), sized("a", 10, 7), sized("a", 30, 7), sized("a", 30, 25),
            sized("b", 5, 12), sized("b", 10, 12))
        .withCoder(CODER));

    PCollection<String> groups = input.apply(Window.into(new SizedByValueWindows()))
        .apply(GroupByKey.create())
        .apply(MapElements.via(new FormatGroup()));

    PAssert.that(groups).inWindow(minutes(0, 10)).containsInAnyOrder("a:[10, 10]");
    PAssert.that(groups).inWindow(minutes(0, 30)).containsInAnyOrder("a:[30, 30]");
    PAssert.that(groups).inWindow(minutes(10, 15)).containsInAnyOrder("b:[5]");
    PAssert.that(groups).inWindow(minutes(10, 20)).containsInAnyOrder("b:[10]");
    PAssert.that(groups).containsInAnyOrder("a:[10, 10]", "a:[30, 30]", "b:[5]", "b:[10]");
    p.run();
  }

  @Test
  @UsesTestStream
  void sumFiresEachCustomWindowWhenTheWatermarkPassesItsOwnEnd() {
    TestStream<KV<String, Integer>> stream = TestStream.create(CODER)
        .addElements(sized("a", 10, 3), sized("a", 30, 7))
        .advanceWatermarkTo(at(12))
        // Behind the watermark in the closed ten-minute window: dropped (no allowed lateness).
        .addElements(sized("a", 10, 5))
        // Behind the watermark but in the thirty-minute window, still open: counted on time.
        .addElements(sized("a", 30, 11))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream).apply(Window.into(new SizedByValueWindows()))
        .apply(Sum.integersPerKey()).apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder(
        "[0m, 10m) a:10 ON_TIME index=0 onTimeIndex=0 first last",
        "[0m, 30m) a:60 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }

  @Test
  @UsesTestStream
  void triggersAndAllowedLatenessApplyToCustomWindows() {
    TestStream<KV<String, Integer>> stream = TestStream.create(CODER)
        .addElements(sized("a", 10, 3))
        .addElements(sized("a", 30, 7))
        .advanceWatermarkTo(at(12))
        .addElements(sized("a", 10, 5))
        // Past the ten-minute window's end plus 5 minutes of lateness: dropped.
        .advanceWatermarkTo(at(16))
        .addElements(sized("a", 10, 6))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream)
        .apply(Window.<KV<String, Integer>>into(new SizedByValueWindows())
            .triggering(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterPane.elementCountAtLeast(1))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(Duration.ofMinutes(5))
            .accumulatingFiredPanes())
        .apply(Sum.integersPerKey()).apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder(
        "[0m, 10m) a:10 EARLY index=0 first",
        "[0m, 10m) a:10 ON_TIME index=1 onTimeIndex=0",
        "[0m, 10m) a:20 LATE index=2 onTimeIndex=1",
        "[0m, 30m) a:30 EARLY index=0 first",
        "[0m, 30m) a:30 ON_TIME index=1 onTimeIndex=0 last");
    p.run();
  }
}
