package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Filter;
import io.runnel.sdk.transforms.FlatMapElements;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: element-wise transforms with lambdas. */
class ElementWiseTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void mapElementsAppliesTheLambdaToEachElement() {
    PCollection<Integer> lengths = p.apply(Create.of("a", "bb", "ccc"))
        .apply(MapElements.into(TypeDescriptors.integers()).via(String::length));
    PAssert.that(lengths).containsInAnyOrder(1, 2, 3);
    p.run();
  }

  @Test
  void flatMapElementsOutputsEveryItem() {
    PCollection<String> words = p.apply(Create.of("a b", "c"))
        .apply(FlatMapElements.into(TypeDescriptors.strings()).via(line -> Arrays.asList(line.split(" "))));
    PAssert.that(words).containsInAnyOrder("a", "b", "c");
    p.run();
  }

  @Test
  void filterKeepsMatchingElements() {
    PCollection<Integer> even = p.apply(Create.of(1, 2, 3, 4)).apply(Filter.by(i -> i % 2 == 0));
    PAssert.that(even).containsInAnyOrder(2, 4);
    p.run();
  }
}
