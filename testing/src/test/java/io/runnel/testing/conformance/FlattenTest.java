package io.runnel.testing.conformance;

import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Flatten. */
class FlattenTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void pCollectionsMergesTwoInputs() {
    PCollection<String> left = p.apply("Left", Create.of("a", "b"));
    PCollection<String> right = p.apply("Right", Create.of("b", "c"));
    PCollection<String> all = PCollectionList.of(left).and(right).apply(Flatten.pCollections());
    PAssert.that(all).containsInAnyOrder("a", "b", "b", "c");
    p.run();
  }

  @Test
  void pCollectionsOfAnEmptyListIsEmpty() {
    PCollection<String> none = PCollectionList.<String>empty(p).apply(Flatten.pCollections())
        .setCoder(StringUtf8Coder.of());
    PAssert.that(none).empty();
    p.run();
  }

  @Test
  void pCollectionsKeepsAnInputReadTwice() {
    PCollection<String> input = p.apply(Create.of("a"));
    PCollection<String> twice = PCollectionList.of(input).and(input).apply(Flatten.pCollections());
    PAssert.that(twice).containsInAnyOrder("a", "a");
    p.run();
  }

  @Test
  void iterablesOutputsEveryElementOfEveryIterable() {
    PCollection<List<String>> lists = p.apply(Create.<List<String>>of(List.of("a", "b"), List.of(), List.of("c"))
        .withCoder(ListCoder.of(StringUtf8Coder.of())));
    PCollection<String> all = lists.apply(Flatten.<String>iterables());
    PAssert.that(all).containsInAnyOrder("a", "b", "c");
    p.run();
  }
}
