package io.runnel.runners.direct;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.windowing.GlobalWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Graph shapes the direct runner's planner and fused stages must get right. */
class DirectRunnerPipelineShapesTest {
  @RegisterExtension
  final transient TestPipeline p = TestPipeline.fromOptions(
      PipelineOptionsFactory.fromArgs("--directBundleSize=7", "--directParallelism=3").create());

  static final class Times extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final int factor;

    Times(int factor) {
      this.factor = factor;
    }

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out) {
      out.output(element * factor);
    }
  }

  /** Adds the size of the side input to each element. */
  static final class PlusSideInputSize extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<Integer>> side;

    PlusSideInputSize(PCollectionView<List<Integer>> side) {
      this.side = side;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() * 100 + c.sideInput(side).size());
    }
  }

  /** Outputs nothing per element, then its bundle's element count in @FinishBundle. */
  static final class CountPerBundle extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private transient int count;

    @StartBundle
    public void startBundle() {
      count = 0;
    }

    @ProcessElement
    public void process(@Element Integer element) {
      count++;
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      c.output(count, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }
  }

  static final class ToKv extends DoFn<Integer, KV<String, Integer>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<KV<String, Integer>> out) {
      out.output(KV.of("k" + element % 13, element));
    }
  }

  static final class SumValues extends DoFn<KV<String, Iterable<Integer>>, KV<String, Integer>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<Integer>> group, OutputReceiver<KV<String, Integer>> out) {
      int sum = 0;
      for (int value : group.getValue()) {
        sum += value;
      }
      out.output(KV.of(group.getKey(), sum));
    }
  }

  static final class Identity extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out) {
      out.output(element);
    }
  }

  private static List<Integer> range(int count) {
    List<Integer> values = new ArrayList<>();
    IntStream.range(0, count).forEach(values::add);
    return values;
  }

  private static int sum(int count) {
    return count * (count - 1) / 2;
  }

  private static int sumOfIntegers(Iterable<Integer> values) {
    int sum = 0;
    for (int value : values) {
      sum += value;
    }
    return sum;
  }

  @Test
  void everyConsumerOfACollectionSeesAllOfItsElements() {
    PCollection<Integer> numbers = p.apply(Create.of(1, 2, 3));

    PAssert.that(numbers.apply("Double", ParDo.of(new Times(2)))).containsInAnyOrder(2, 4, 6);
    PAssert.that(numbers.apply("Triple", ParDo.of(new Times(3)))).containsInAnyOrder(3, 6, 9);
    PAssert.that(numbers).containsInAnyOrder(1, 2, 3);
    p.run();
  }

  @Test
  void aParDoCanReadItsOwnMainInputAsASideInput() {
    PCollection<Integer> numbers = p.apply(Create.of(1, 2, 3));
    PCollectionView<List<Integer>> all = numbers.apply(View.asList());

    PCollection<Integer> result = numbers.apply(ParDo.of(new PlusSideInputSize(all)).withSideInputs(all));

    PAssert.that(result).containsInAnyOrder(103, 203, 303);
    p.run();
  }

  @Test
  void outputsOfFinishBundleReachDownstreamTransforms() {
    PCollection<Integer> counts = p.apply(Create.of(range(1_000)))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new CountPerBundle()));
    PCollection<Integer> total = counts.apply(Combine.globally(DirectRunnerPipelineShapesTest::sumOfIntegers));

    PAssert.thatSingleton(total).isEqualTo(1_000);
    p.run();
  }

  @Test
  void smallBundlesStillProcessEveryElementOnce() {
    PCollection<Integer> numbers = p.apply(Create.of(range(1_000)))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new Identity()));

    PAssert.that(numbers).containsInAnyOrder(range(1_000));
    p.run();
  }

  @Test
  void liftedCombinePerKeyMatchesGroupByKeyThenSum() {
    PCollection<KV<String, Integer>> keyed = p.apply(Create.of(range(1_000)))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new ToKv()));
    Map<String, Integer> expected = new TreeMap<>();
    range(1_000).forEach(i -> expected.merge("k" + i % 13, i, Integer::sum));
    List<KV<String, Integer>> expectedKvs = new ArrayList<>();
    expected.forEach((k, v) -> expectedKvs.add(KV.of(k, v)));

    PCollection<KV<String, Integer>> combined = keyed.apply(
        Combine.<String, Integer>perKey(DirectRunnerPipelineShapesTest::sumOfIntegers));
    PCollection<KV<String, Integer>> grouped = keyed.apply(GroupByKey.create())
        .apply(ParDo.of(new SumValues()));

    PAssert.that(combined).containsInAnyOrder(expectedKvs);
    PAssert.that(grouped).containsInAnyOrder(expectedKvs);
    p.run();
  }

  @Test
  void anEmptyCollectionGroupsToNothing() {
    PCollection<KV<String, Iterable<Integer>>> groups = p
        .apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(GroupByKey.create());

    PAssert.that(groups).empty();
    p.run();
  }

  @Test
  void anEmptyCollectionCombinesPerKeyToNothing() {
    PCollection<KV<String, Integer>> sums = p
        .apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(Combine.<String, Integer>perKey(DirectRunnerPipelineShapesTest::sumOfIntegers));

    PAssert.that(sums).empty();
    p.run();
  }
}
