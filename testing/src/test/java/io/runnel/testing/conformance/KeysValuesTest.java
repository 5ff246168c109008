package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Keys;
import io.runnel.sdk.transforms.KvSwap;
import io.runnel.sdk.transforms.Values;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Keys, Values and KvSwap. */
class KeysValuesTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void keysGivesTheKeyOfEachPair() {
    PCollection<String> keys = p.apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)))
        .apply(Keys.create());
    PAssert.that(keys).containsInAnyOrder("a", "b", "a");
    p.run();
  }

  @Test
  void valuesGivesTheValueOfEachPair() {
    PCollection<Integer> values = p.apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)))
        .apply(Values.create());
    PAssert.that(values).containsInAnyOrder(1, 2, 3);
    p.run();
  }

  @Test
  void kvSwapSwapsKeyAndValue() {
    PCollection<KV<Integer, String>> swapped = p.apply(Create.of(KV.of("a", 1), KV.of("b", 2)))
        .apply(KvSwap.create());
    PAssert.that(swapped).containsInAnyOrder(KV.of(1, "a"), KV.of(2, "b"));
    p.run();
  }
}
