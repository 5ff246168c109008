package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Max;
import io.runnel.sdk.transforms.Min;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesFailureMessage;
import java.io.Serializable;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Min and Max. */
class MinMaxTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void minIntegersGloballyIsTheSmallest() {
    PCollection<Integer> min = p.apply(Create.of(4, -2, 9)).apply(Min.integersGlobally());
    PAssert.thatSingleton(min).isEqualTo(-2);
    p.run();
  }

  @Test
  void maxIntegersGloballyIsTheLargest() {
    PCollection<Integer> max = p.apply(Create.of(4, -2, 9)).apply(Max.integersGlobally());
    PAssert.thatSingleton(max).isEqualTo(9);
    p.run();
  }

  @Test
  void minIntegersGloballyOfEmptyInputIsTheIdentity() {
    PCollection<Integer> min = p.apply(Create.empty(VarIntCoder.of())).apply(Min.integersGlobally());
    PAssert.thatSingleton(min).isEqualTo(Integer.MAX_VALUE);
    p.run();
  }

  @Test
  void maxLongsGloballyOfEmptyInputIsTheIdentity() {
    PCollection<Long> max = p.apply(Create.empty(VarLongCoder.of())).apply(Max.longsGlobally());
    PAssert.thatSingleton(max).isEqualTo(Long.MIN_VALUE);
    p.run();
  }

  @Test
  void maxDoublesGloballyOfEmptyInputIsNegativeInfinity() {
    PCollection<Double> max = p.apply(Create.empty(DoubleCoder.of())).apply(Max.doublesGlobally());
    PAssert.thatSingleton(max).isEqualTo(Double.NEGATIVE_INFINITY);
    p.run();
  }

  @Test
  void minLongsPerKeyIsTheSmallestOfEachKey() {
    PCollection<KV<String, Long>> min = p
        .apply(Create.of(KV.of("a", 5L), KV.of("a", 3L), KV.of("b", 8L)))
        .apply(Min.longsPerKey());
    PAssert.that(min).containsInAnyOrder(KV.of("a", 3L), KV.of("b", 8L));
    p.run();
  }

  @Test
  void maxDoublesPerKeyIsTheLargestOfEachKey() {
    PCollection<KV<String, Double>> max = p
        .apply(Create.of(KV.of("a", 0.5), KV.of("a", 2.5), KV.of("b", -1.0)))
        .apply(Max.doublesPerKey());
    PAssert.that(max).containsInAnyOrder(KV.of("a", 2.5), KV.of("b", -1.0));
    p.run();
  }

  @Test
  void minGloballyWithComparatorUsesTheComparator() {
    PCollection<String> shortest = p.apply(Create.of("ccc", "a", "bb")).apply(Min.globally(new ByLength()));
    PAssert.thatSingleton(shortest).isEqualTo("a");
    p.run();
  }

  @Test
  void maxPerKeyWithComparatorUsesTheComparator() {
    PCollection<KV<Integer, String>> longest = p
        .apply(Create.of(KV.of(1, "a"), KV.of(1, "ccc"), KV.of(2, "bb")))
        .apply(Max.perKey(new ByLength()));
    PAssert.that(longest).containsInAnyOrder(KV.of(1, "ccc"), KV.of(2, "bb"));
    p.run();
  }

  @Test
  void maxGloballyInNaturalOrder() {
    PCollection<String> max = p.apply(Create.of("apple", "pear", "fig")).apply(Max.globally());
    PAssert.thatSingleton(max).isEqualTo("pear");
    p.run();
  }

  @Test
  @UsesFailureMessage
  void minGloballyWithComparatorOfEmptyInputFailsWithTheFix() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    pipeline.apply(Create.empty(StringUtf8Coder.of())).apply(Min.globally(new ByLength()));
    assertThatThrownBy(pipeline::run)
        .isInstanceOf(Pipeline.PipelineExecutionException.class)
        .hasMessageContaining("Min.globally of an empty collection")
        .hasMessageContaining("withoutDefaults()");
  }

  @Test
  void minGloballyWithComparatorWithoutDefaultsOfEmptyInputIsEmpty() {
    PCollection<String> min = p.apply(Create.empty(StringUtf8Coder.of()))
        .apply(Min.<String, ByLength>globally(new ByLength()).withoutDefaults());
    PAssert.that(min).empty();
    p.run();
  }

  private static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }
}
