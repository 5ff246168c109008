package io.runnel.testing.conformance;

import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.ToString;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: ToString of elements, pairs and iterables, with Beam's default delimiter ",". */
class ToStringTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void elementsBecomeTheirToString() {
    PCollection<String> strings = p.apply(Create.of(1, 22)).apply(ToString.elements());
    PAssert.that(strings).containsInAnyOrder("1", "22");
    p.run();
  }

  @Test
  void pairsAreKeyDelimiterValue() {
    PCollection<KV<String, Integer>> pairs = p.apply(Create.of(KV.of("a", 1), KV.of("b", 2)));
    PAssert.that(pairs.apply("Comma", ToString.kvs())).containsInAnyOrder("a,1", "b,2");
    PAssert.that(pairs.apply("Tab", ToString.kvs("\t"))).containsInAnyOrder("a\t1", "b\t2");
    p.run();
  }

  @Test
  void iterablesAreTheirItemsJoined() {
    PCollection<List<Integer>> lists = p.apply(Create.of(List.of(List.of(1, 2, 3), List.<Integer>of()))
        .withCoder(ListCoder.of(VarIntCoder.of())));
    PAssert.that(lists.apply("Comma", ToString.iterables())).containsInAnyOrder("1,2,3", "");
    PAssert.that(lists.apply("Dash", ToString.iterables("-"))).containsInAnyOrder("1-2-3", "");
    p.run();
  }
}
