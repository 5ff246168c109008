package io.runnel.testing.conformance;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Combine.perKey, globally and groupedValues. */
class CombineTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void perKeyCombinesTheValuesOfEachKey() {
    PCollection<KV<String, Integer>> sums = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 10), KV.of("a", 2)))
        .apply(Combine.perKey(Sum.ofIntegers()));
    PAssert.that(sums).containsInAnyOrder(KV.of("a", 3), KV.of("b", 10));
    p.run();
  }

  @Test
  void globallyCombinesAllElements() {
    PCollection<Integer> sum = p.apply(Create.of(1, 2, 3, 4)).apply(Combine.globally(Sum.ofIntegers()));
    PAssert.thatSingleton(sum).isEqualTo(10);
    p.run();
  }

  @Test
  void globallyOutputsTheDefaultValueForEmptyInput() {
    PCollection<Integer> sum = p.apply(Create.empty(VarIntCoder.of()))
        .apply(Combine.globally(Sum.ofIntegers()));
    PAssert.thatSingleton(sum).isEqualTo(0);
    p.run();
  }

  @Test
  void globallyWithoutDefaultsOutputsNothingForEmptyInput() {
    PCollection<Integer> sum = p.apply(Create.empty(VarIntCoder.of()))
        .apply(Combine.globally(Sum.ofIntegers()).withoutDefaults());
    PAssert.that(sum).empty();
    p.run();
  }

  @Test
  void groupedValuesCombinesEachGroup() {
    PCollection<KV<String, Integer>> sums = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 10), KV.of("a", 2)))
        .apply(GroupByKey.create())
        .apply(Combine.groupedValues(Sum.ofIntegers()));
    PAssert.that(sums).containsInAnyOrder(KV.of("a", 3), KV.of("b", 10));
    p.run();
  }

  @Test
  void customCombineFnMergesAccumulatorsOfSeveralInputs() {
    PCollection<Integer> first = p.apply("First", Create.of(ints(1, 500)));
    PCollection<Integer> second = p.apply("Second", Create.of(ints(501, 1000)));
    PCollection<Long> range = PCollectionList.of(first).and(second)
        .apply(Flatten.pCollections())
        .apply(Combine.globally(new RangeFn()));
    PAssert.thatSingleton(range).isEqualTo(999L);
    p.run();
  }

  @Test
  void perKeyWithSerializableFunctionCombinesEachKey() {
    PCollection<KV<String, Integer>> max = p
        .apply(Create.of(KV.of("a", 1), KV.of("a", 7), KV.of("b", 3)))
        .apply(Combine.<String, Integer>perKey(values -> {
          int m = Integer.MIN_VALUE;
          for (int v : values) {
            m = Math.max(m, v);
          }
          return m;
        }));
    PAssert.that(max).containsInAnyOrder(KV.of("a", 7), KV.of("b", 3));
    p.run();
  }

  @Test
  void globallyWithSerializableFunctionCombinesManyElements() {
    PCollection<Integer> sum = p.apply(Create.of(ints(1, 1000)))
        .apply(Combine.<Integer>globally(values -> {
          int s = 0;
          for (int v : values) {
            s += v;
          }
          return s;
        }));
    PAssert.thatSingleton(sum).isEqualTo(500_500);
    p.run();
  }

  private static List<Integer> ints(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** Max minus min, with a two-element accumulator: wrong if merging loses either bound. */
  private static final class RangeFn extends Combine.CombineFn<Integer, List<Integer>, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<Integer> createAccumulator() {
      List<Integer> bounds = new ArrayList<>();
      bounds.add(Integer.MAX_VALUE);
      bounds.add(Integer.MIN_VALUE);
      return bounds;
    }

    @Override
    public List<Integer> addInput(List<Integer> acc, Integer input) {
      acc.set(0, Math.min(acc.get(0), input));
      acc.set(1, Math.max(acc.get(1), input));
      return acc;
    }

    @Override
    public List<Integer> mergeAccumulators(Iterable<List<Integer>> accumulators) {
      List<Integer> merged = createAccumulator();
      for (List<Integer> acc : accumulators) {
        addInput(merged, acc.get(0));
        addInput(merged, acc.get(1));
      }
      return merged;
    }

    @Override
    public Long extractOutput(List<Integer> acc) {
      return (long) acc.get(1) - acc.get(0);
    }

    @Override
    public Coder<List<Integer>> getAccumulatorCoder(CoderRegistry registry, Coder<Integer> inputCoder) {
      return ListCoder.of(VarIntCoder.of());
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<Integer> inputCoder) {
      return VarLongCoder.of();
    }
  }
}
