package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: GroupByKey. */
class GroupByKeyTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void groupsAllValuesOfEachKey() {
    PCollection<String> groups = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3), KV.of("a", 5)))
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.strings()).via(kv -> kv.getKey() + "=" + sorted(kv.getValue())));
    PAssert.that(groups).containsInAnyOrder("a=[1, 3, 5]", "b=[2]");
    p.run();
  }

  @Test
  void emptyInputGivesNoGroups() {
    PCollection<KV<String, Iterable<Integer>>> groups = p
        .apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(GroupByKey.create());
    PAssert.that(groups).empty();
    p.run();
  }

  @Test
  void groupsManyKeys() {
    List<KV<Integer, Integer>> input = new ArrayList<>();
    List<KV<Integer, Long>> expected = new ArrayList<>();
    for (int key = 0; key < 2_000; key++) {
      for (int v = 0; v <= key % 4; v++) {
        input.add(KV.of(key, v));
      }
      expected.add(KV.of(key, (long) (key % 4 + 1)));
    }
    PCollection<KV<Integer, Long>> sizes = p.apply(Create.of(input))
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.longs()))
            .via(kv -> KV.of(kv.getKey(), StreamSupport.stream(kv.getValue().spliterator(), false).count())));
    PAssert.that(sizes).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void nonDeterministicKeyCoderIsRejectedNamingTheCollection() {
    Pipeline pipeline = Pipeline.create();
    PCollection<KV<Double, String>> input = pipeline
        .apply(Create.of(KV.of(1.5, "a")).withCoder(KvCoder.of(DoubleCoder.of(), StringUtf8Coder.of())));
    assertThatThrownBy(() -> input.apply(GroupByKey.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(input.toString())
        .hasMessageContaining("DoubleCoder")
        .hasMessageContaining("deterministic");
  }

  private static List<Integer> sorted(Iterable<Integer> values) {
    List<Integer> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list;
  }
}
