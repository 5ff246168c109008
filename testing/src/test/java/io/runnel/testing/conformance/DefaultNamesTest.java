package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.Top;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: transforms applied without names to one input, twice, run as in Beam (the second
 * takes a numeric suffix under the default {@code --stableUniqueNames=WARNING}).
 */
class DefaultNamesTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void twoUnnamedTopsOfOneInputBothRun() {
    PCollection<Integer> numbers = p.apply(Create.of(5, 1, 4, 2, 3));
    PCollection<List<Integer>> largest = numbers.apply(Top.largest(2));
    PCollection<List<Integer>> smallest = numbers.apply(Top.smallest(2));
    PAssert.that(largest).containsInAnyOrder(List.of(5, 4));
    PAssert.that(smallest).containsInAnyOrder(List.of(1, 2));
    p.run();
  }

  @Test
  void twoUnnamedMapsOfOneInputBothRun() {
    PCollection<String> words = p.apply(Create.of("a", "b"));
    PCollection<String> upper = words.apply(MapElements.into(TypeDescriptors.strings())
        .via((String s) -> s.toUpperCase(java.util.Locale.ROOT)));
    PCollection<Integer> lengths = words.apply(MapElements.into(TypeDescriptors.integers())
        .via(String::length));
    PAssert.that(upper).containsInAnyOrder("A", "B");
    PAssert.that(lengths).containsInAnyOrder(1, 1);
    p.run();
  }
}
