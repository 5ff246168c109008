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
import io.runnel.testing.UsesCustomWindowMerging;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.WindowFn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A merging window function written by a user, not {@code Sessions}: the runner merges windows by
 * calling its {@code mergeWindows}, so windows merge by the user's rule even when they do not
 * overlap. {@link SameHourWindows} puts each element in a one-minute window and merges the windows
 * of a key that start in the same hour into their span.
 */
@UsesCustomWindowMerging
class CustomWindowMergingTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final KvCoder<String, Integer> CODER = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  /** One-minute windows, merged per key when they start in the same hour. Equal to every other. */
  static final class SameHourWindows extends WindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of(new IntervalWindow(c.timestamp(), Duration.ofMinutes(1)));
    }

    @Override
    public void mergeWindows(MergeContext c) throws Exception {
      Map<Long, List<IntervalWindow>> byHour = new LinkedHashMap<>();
      for (IntervalWindow window : c.windows()) {
        long hour = Math.floorDiv(window.start().toEpochMilli(), Duration.ofHours(1).toMillis());
        byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(window);
      }
      for (List<IntervalWindow> sameHour : byHour.values()) {
        if (sameHour.size() > 1) {
          IntervalWindow span = sameHour.get(0);
          for (IntervalWindow window : sameHour) {
            span = span.span(window);
          }
          c.merge(sameHour, span);
        }
      }
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SameHourWindows;
    }

    @Override
    public int hashCode() {
      return SameHourWindows.class.hashCode();
    }
  }

  private static Instant at(int minute) {
    return Instant.EPOCH.plus(Duration.ofMinutes(minute));
  }

  private static TimestampedValue<KV<String, Integer>> value(String key, int value, int minute) {
    return TimestampedValue.of(KV.of(key, value), at(minute));
  }

  /** Formats a group as {@code key:[values in ascending order]}. */
  private static final class FormatGroup extends SimpleFunction<KV<String, Iterable<Integer>>, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(KV<String, Iterable<Integer>> group) {
      return group.getKey() + ":" + StreamSupport.stream(group.getValue().spliterator(), false).sorted().toList();
    }
  }

  @Test
  void groupByKeyGroupsTheWindowsTheFunctionMerged() {
    // a at 0:05, 0:20 and 0:59 merge into [0:05, 1:00), though their windows do not overlap;
    // a at 1:10 starts in the next hour; b at 0:30 is another key.
    PCollection<String> groups = p
        .apply(Create.timestamped(value("a", 1, 5), value("a", 2, 20), value("a", 4, 59),
            value("a", 8, 70), value("b", 16, 30)).withCoder(CODER))
        .apply(Window.into(new SameHourWindows()))
        .apply(GroupByKey.create())
        .apply(MapElements.via(new FormatGroup()));

    PAssert.that(groups).inWindow(new IntervalWindow(at(5), at(60))).containsInAnyOrder("a:[1, 2, 4]");
    PAssert.that(groups).inWindow(new IntervalWindow(at(70), at(71))).containsInAnyOrder("a:[8]");
    PAssert.that(groups).inWindow(new IntervalWindow(at(30), at(31))).containsInAnyOrder("b:[16]");
    PAssert.that(groups).containsInAnyOrder("a:[1, 2, 4]", "a:[8]", "b:[16]");
    p.run();
  }

  @Test
  @UsesTestStream
  void aStreamingSumFiresEachMergedWindowOnceTheWatermarkPassesItsEnd() {
    TestStream<KV<String, Integer>> stream = TestStream.create(CODER)
        .addElements(value("a", 1, 5))
        .addElements(value("a", 2, 20), value("b", 16, 30))
        .advanceWatermarkTo(at(40))
        // b's window [0:30, 0:31) has closed; a's [0:05, 0:21) too, so 0:59 starts a new window.
        .addElements(value("a", 4, 59))
        .addElements(value("a", 8, 70))
        .advanceWatermarkToInfinity();

    PCollection<String> panes = p.apply(stream)
        .apply(Window.into(new SameHourWindows()))
        .apply(Sum.integersPerKey())
        .apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder(
        "[5m, 21m) a:3 ON_TIME index=0 onTimeIndex=0 first last",
        "[30m, 31m) b:16 ON_TIME index=0 onTimeIndex=0 first last",
        "[59m, 60m) a:4 ON_TIME index=0 onTimeIndex=0 first last",
        "[70m, 71m) a:8 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }
}
