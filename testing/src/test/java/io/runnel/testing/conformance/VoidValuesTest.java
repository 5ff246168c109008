package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: null as a {@code Void}, as Beam users write it: {@code Create.of((Void) null)},
 * {@code KV<Void, V>}, {@code WithKeys.of((Void) null)} and a function returning null into
 * {@code Void}, each with {@code VoidCoder} inferred.
 */
class VoidValuesTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void createOfANullVoidIsOneElementWithVoidCoder() {
    PCollection<Void> nothing = p.apply(Create.of((Void) null));
    assertThat(nothing.getCoder()).isEqualTo(VoidCoder.of());
    PAssert.that(nothing.apply(Count.globally())).containsInAnyOrder(1L);
    p.run();
  }

  @Test
  void pairsWithNullKeysGroupUnderTheVoidKey() {
    PCollection<KV<Void, Integer>> pairs = p.apply(Create.of(KV.of(null, 1), KV.of(null, 2)));
    assertThat(pairs.getCoder()).isEqualTo(KvCoder.of(VoidCoder.of(), VarIntCoder.of()));
    PCollection<KV<Void, Long>> counted = pairs.apply(Count.perKey());
    PAssert.that(counted).containsInAnyOrder(KV.of(null, 2L));
    p.run();
  }

  @Test
  void withANullVoidKeyEveryElementSharesTheOneKey() {
    PCollection<KV<Void, String>> keyed = p.apply(Create.of("a", "b", "c"))
        .apply(WithKeys.of((Void) null));
    assertThat(keyed.getCoder()).isEqualTo(KvCoder.of(VoidCoder.of(), StringUtf8Coder.of()));
    PCollection<KV<Void, Iterable<String>>> grouped = keyed.apply(GroupByKey.create());
    PAssert.that(grouped.apply(MapElements.into(TypeDescriptors.integers())
        .via((KV<Void, Iterable<String>> kv) -> kv.getKey() == null ? size(kv.getValue()) : -1)))
        .containsInAnyOrder(3);
    p.run();
  }

  @Test
  void aFunctionIntoVoidMayReturnNull() {
    SerializableFunction<String, Void> toNothing = s -> null;
    PCollection<Void> nothing = p.apply(Create.of("a", "b"))
        .apply(MapElements.into(TypeDescriptors.voids()).via(toNothing));
    assertThat(nothing.getCoder()).isEqualTo(VoidCoder.of());
    PAssert.that(nothing.apply(Count.globally())).containsInAnyOrder(2L);
    p.run();
  }

  private static int size(Iterable<?> values) {
    int size = 0;
    for (Object ignored : values) {
      size++;
    }
    return size;
  }
}
