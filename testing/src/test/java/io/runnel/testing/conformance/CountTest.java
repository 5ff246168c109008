package io.runnel.testing.conformance;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Count. */
class CountTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void globallyCountsAllElements() {
    PCollection<Long> count = p.apply(Create.of("a", "b", "a")).apply(Count.globally());
    PAssert.thatSingleton(count).isEqualTo(3L);
    p.run();
  }

  @Test
  void globallyCountsZeroForEmptyInput() {
    PCollection<Long> count = p.apply(Create.empty(StringUtf8Coder.of())).apply(Count.globally());
    PAssert.thatSingleton(count).isEqualTo(0L);
    p.run();
  }

  @Test
  void perKeyCountsTheValuesOfEachKey() {
    PCollection<KV<String, Long>> counts = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 1), KV.of("a", 1)))
        .apply(Count.perKey());
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
    p.run();
  }

  @Test
  void perElementCountsEachDistinctElement() {
    PCollection<KV<String, Long>> counts = p.apply(Create.of("a", "b", "a", "c", "a"))
        .apply(Count.perElement());
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 3L), KV.of("b", 1L), KV.of("c", 1L));
    p.run();
  }

  @Test
  void perElementCountsNullElements() {
    PCollection<KV<String, Long>> counts = p.apply(Create.of("a", null, null)).apply(Count.perElement());
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 1L), KV.of(null, 2L));
    p.run();
  }

  @Test
  void combineFnCountsInputs() {
    PCollection<Long> count = p.apply(Create.of(5, 6, 7, 8))
        .apply(Combine.globally(Count.<Integer>combineFn()));
    PAssert.thatSingleton(count).isEqualTo(4L);
    p.run();
  }
}
