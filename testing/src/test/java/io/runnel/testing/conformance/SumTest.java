package io.runnel.testing.conformance;

import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Sum. */
class SumTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void integersGloballySumsAllElements() {
    PCollection<Integer> sum = p.apply(Create.of(1, 2, 3, -4)).apply(Sum.integersGlobally());
    PAssert.thatSingleton(sum).isEqualTo(2);
    p.run();
  }

  @Test
  void integersGloballyOfEmptyInputIsZero() {
    PCollection<Integer> sum = p.apply(Create.empty(VarIntCoder.of())).apply(Sum.integersGlobally());
    PAssert.thatSingleton(sum).isEqualTo(0);
    p.run();
  }

  @Test
  void integersPerKeySumsEachKey() {
    PCollection<KV<String, Integer>> sums = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)))
        .apply(Sum.integersPerKey());
    PAssert.that(sums).containsInAnyOrder(KV.of("a", 4), KV.of("b", 2));
    p.run();
  }

  @Test
  void longsGloballySumsBeyondTheIntRange() {
    PCollection<Long> sum = p.apply(Create.of(3_000_000_000L, 4_000_000_000L)).apply(Sum.longsGlobally());
    PAssert.thatSingleton(sum).isEqualTo(7_000_000_000L);
    p.run();
  }

  @Test
  void longsPerKeySumsEachKey() {
    PCollection<KV<String, Long>> sums = p
        .apply(Create.of(KV.of("a", 1L), KV.of("b", 2L), KV.of("a", 3L)))
        .apply(Sum.longsPerKey());
    PAssert.that(sums).containsInAnyOrder(KV.of("a", 4L), KV.of("b", 2L));
    p.run();
  }

  @Test
  void doublesGloballySumsAllElements() {
    PCollection<Double> sum = p.apply(Create.of(0.5, 1.25, 2.0)).apply(Sum.doublesGlobally());
    PAssert.thatSingleton(sum).isEqualTo(3.75);
    p.run();
  }

  @Test
  void doublesPerKeySumsEachKey() {
    PCollection<KV<String, Double>> sums = p
        .apply(Create.of(KV.of("a", 0.5), KV.of("a", 0.25), KV.of("b", 1.0)))
        .apply(Sum.doublesPerKey());
    PAssert.that(sums).containsInAnyOrder(KV.of("a", 0.75), KV.of("b", 1.0));
    p.run();
  }

  @Test
  void ofLongsIsACombineFn() {
    PCollection<Long> sum = p.apply(Create.of(1L, 2L)).apply(Combine.globally(Sum.ofLongs()));
    PAssert.thatSingleton(sum).isEqualTo(3L);
    p.run();
  }
}
