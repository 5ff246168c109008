package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.CombiningState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.SetState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesMapState;
import io.runnel.testing.UsesOnWindowExpiration;
import io.runnel.testing.UsesOrderedListState;
import io.runnel.testing.UsesSetState;
import io.runnel.testing.UsesStatefulParDo;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: every kind of state is scoped per key and window, reads see the writes made
 * before them, and {@code @OnWindowExpiration} sees the window's final state.
 */
@UsesTestStream
@UsesStatefulParDo
class StateKindsTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final IntervalWindow FIRST = new IntervalWindow(at(0), at(60));
  private static final IntervalWindow SECOND = new IntervalWindow(at(60), at(120));

  static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  /** a@10 = 1, b@15 = 2, a@20 = 3 in the first minute; a@70 = 4 in the second. */
  private PCollection<KV<String, Integer>> input() {
    TestStream<KV<String, Integer>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .addElements(TimestampedValue.of(KV.of("a", 1), at(10)),
                TimestampedValue.of(KV.of("b", 2), at(15)))
            .addElements(TimestampedValue.of(KV.of("a", 3), at(20)))
            .advanceWatermarkTo(at(65))
            .addElements(TimestampedValue.of(KV.of("a", 4), at(70)))
            .advanceWatermarkToInfinity();
    return p.apply(stream)
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1))));
  }

  static final class CountFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("count") ValueState<Integer> count,
        OutputReceiver<KV<String, Integer>> out) {
      Integer seen = count.read();
      count.write(seen == null ? 1 : seen + 1);
      out.output(KV.of(e.getKey(), count.read()));
    }
  }

  @Test
  void valueStateCountsPerKeyAndWindow() {
    PCollection<KV<String, Integer>> out = input().apply(ParDo.of(new CountFn()));

    PAssert.that(out).inWindow(FIRST)
        .containsInAnyOrder(KV.of("a", 1), KV.of("b", 1), KV.of("a", 2));
    PAssert.that(out).inWindow(SECOND).containsInAnyOrder(KV.of("a", 1));
    p.run();
  }

  static final class BagFn extends DoFn<KV<String, Integer>, String> {
    @StateId("bag")
    private final StateSpec<BagState<Integer>> bag = StateSpecs.bag(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("bag") BagState<Integer> bag) {
      bag.add(e.getValue());
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("bag") BagState<Integer> bag,
        OutputReceiver<String> out) {
      List<Integer> values = new ArrayList<>();
      bag.read().forEach(values::add);
      values.sort(null);
      out.output(key + values);
    }
  }

  @Test
  @UsesOnWindowExpiration
  void bagStateIsReadInFullAtWindowExpiration() {
    PCollection<String> out = input().apply(ParDo.of(new BagFn()));

    PAssert.that(out).inWindow(FIRST).containsInAnyOrder("a[1, 3]", "b[2]");
    PAssert.that(out).inWindow(SECOND).containsInAnyOrder("a[4]");
    p.run();
  }

  static final class SumInts extends Combine.CombineFn<Integer, Integer, Integer> {
    @Override
    public Integer createAccumulator() {
      return 0;
    }

    @Override
    public Integer addInput(Integer accumulator, Integer input) {
      return accumulator + input;
    }

    @Override
    public Integer mergeAccumulators(Iterable<Integer> accumulators) {
      int sum = 0;
      for (int a : accumulators) {
        sum += a;
      }
      return sum;
    }

    @Override
    public Integer extractOutput(Integer accumulator) {
      return accumulator;
    }
  }

  static final class RunningSumFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    @StateId("sum")
    private final StateSpec<CombiningState<Integer, Integer, Integer>> sum =
        StateSpecs.combining(VarIntCoder.of(), new SumInts());

    @ProcessElement
    public void process(@Element KV<String, Integer> e,
        @StateId("sum") CombiningState<Integer, Integer, Integer> sum,
        OutputReceiver<KV<String, Integer>> out) {
      sum.add(e.getValue());
      out.output(KV.of(e.getKey(), sum.read()));
    }
  }

  @Test
  void combiningStateKeepsARunningSumPerKeyAndWindow() {
    PCollection<KV<String, Integer>> out = input().apply(ParDo.of(new RunningSumFn()));

    PAssert.that(out).inWindow(FIRST)
        .containsInAnyOrder(KV.of("a", 1), KV.of("b", 2), KV.of("a", 4));
    PAssert.that(out).inWindow(SECOND).containsInAnyOrder(KV.of("a", 4));
    p.run();
  }

  static final class ParityMapFn extends DoFn<KV<String, Integer>, String> {
    @StateId("byParity")
    private final StateSpec<MapState<String, Integer>> byParity =
        StateSpecs.map(StringUtf8Coder.of(), VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e,
        @StateId("byParity") MapState<String, Integer> byParity) {
      String parity = e.getValue() % 2 == 0 ? "even" : "odd";
      byParity.put(parity, byParity.getOrDefault(parity, 0).read() + 1);
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("byParity") MapState<String, Integer> byParity,
        OutputReceiver<String> out) {
      Map<String, Integer> sorted = new TreeMap<>();
      byParity.entries().read().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
      out.output(key + sorted);
    }
  }

  @Test
  @UsesMapState
  @UsesOnWindowExpiration
  void mapStateCountsPerMapKeyWithinEachKeyAndWindow() {
    PCollection<String> out = input().apply(ParDo.of(new ParityMapFn()));

    PAssert.that(out).inWindow(FIRST).containsInAnyOrder("a{odd=2}", "b{even=1}");
    PAssert.that(out).inWindow(SECOND).containsInAnyOrder("a{even=1}");
    p.run();
  }

  static final class FirstOfParityFn extends DoFn<KV<String, Integer>, KV<Integer, Boolean>> {
    @StateId("seen")
    private final StateSpec<SetState<Integer>> seen = StateSpecs.set(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("seen") SetState<Integer> seen,
        OutputReceiver<KV<Integer, Boolean>> out) {
      out.output(KV.of(e.getValue(), seen.addIfAbsent(e.getValue() % 2).read()));
    }
  }

  @Test
  @UsesSetState
  void setStateAddsEachElementOncePerKeyAndWindow() {
    PCollection<KV<Integer, Boolean>> out = input().apply(ParDo.of(new FirstOfParityFn()));

    PAssert.that(out).inWindow(FIRST)
        .containsInAnyOrder(KV.of(1, true), KV.of(2, true), KV.of(3, false));
    PAssert.that(out).inWindow(SECOND).containsInAnyOrder(KV.of(4, true));
    p.run();
  }

  static final class ReverseOrderFn extends DoFn<KV<String, Integer>, String> {
    @StateId("ordered")
    private final StateSpec<OrderedListState<Integer>> ordered =
        StateSpecs.orderedList(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e,
        @StateId("ordered") OrderedListState<Integer> ordered) {
      // Sorted by a timestamp of our choosing: larger values first.
      ordered.add(TimestampedValue.of(e.getValue(), at(100 - e.getValue())));
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("ordered") OrderedListState<Integer> ordered,
        OutputReceiver<String> out) {
      List<Integer> all = new ArrayList<>();
      ordered.read().forEach(v -> all.add(v.getValue()));
      List<Integer> early = new ArrayList<>();
      ordered.readRange(at(0), at(98)).forEach(v -> early.add(v.getValue()));
      ordered.clearRange(at(0), at(98));
      List<Integer> rest = new ArrayList<>();
      ordered.read().forEach(v -> rest.add(v.getValue()));
      out.output(key + all + early + rest);
    }
  }

  @Test
  @UsesOrderedListState
  @UsesOnWindowExpiration
  void orderedListStateReadsInTimestampOrderAndClearsRanges() {
    PCollection<String> out = input().apply(ParDo.of(new ReverseOrderFn()));

    PAssert.that(out).inWindow(FIRST).containsInAnyOrder("a[3, 1][3][1]", "b[2][][2]");
    PAssert.that(out).inWindow(SECOND).containsInAnyOrder("a[4][4][]");
    p.run();
  }
}
