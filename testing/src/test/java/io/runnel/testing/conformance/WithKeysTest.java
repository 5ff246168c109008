package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: WithKeys. */
class WithKeysTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void functionKeysEachElement() {
    PCollection<KV<Integer, String>> keyed = p.apply(Create.of("a", "bb"))
        .apply(WithKeys.of((String s) -> s.length()).withKeyType(TypeDescriptors.integers()));
    PAssert.that(keyed).containsInAnyOrder(KV.of(1, "a"), KV.of(2, "bb"));
    p.run();
  }

  @Test
  void constantKeysEveryElementAndInfersItsCoder() {
    PCollection<KV<String, Integer>> keyed = p.apply(Create.of(1, 2)).apply(WithKeys.of("k"));
    assertThat(keyed.getCoder()).isEqualTo(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    PAssert.that(keyed).containsInAnyOrder(KV.of("k", 1), KV.of("k", 2));
    p.run();
  }

  @Test
  void withKeyTypeSetsTheKeyCoder() {
    PCollection<KV<String, String>> keyed = p.apply(Create.of("ab"))
        .apply(WithKeys.of((String s) -> s.substring(0, 1)).withKeyType(TypeDescriptors.strings()));
    assertThat(keyed.getCoder()).isEqualTo(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PAssert.that(keyed).containsInAnyOrder(KV.of("a", "ab"));
    p.run();
  }
}
