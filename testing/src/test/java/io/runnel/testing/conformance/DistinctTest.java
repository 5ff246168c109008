package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Distinct;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Distinct. */
class DistinctTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void createKeepsOneOfEachElement() {
    PCollection<String> distinct = p.apply(Create.of("a", "b", "a", "c", "b", "a")).apply(Distinct.create());
    PAssert.that(distinct).containsInAnyOrder("a", "b", "c");
    p.run();
  }

  @Test
  void createOfEmptyInputIsEmpty() {
    PCollection<String> distinct = p.apply(Create.empty(StringUtf8Coder.of())).apply(Distinct.create());
    PAssert.that(distinct).empty();
    p.run();
  }

  @Test
  void withRepresentativeValueFnKeepsOneElementPerRepresentative() {
    PCollection<String> distinct = p.apply(Create.of("apple", "avocado", "banana", "blueberry", "cherry"))
        .apply(Distinct.withRepresentativeValueFn((String s) -> s.substring(0, 1))
            .withRepresentativeType(TypeDescriptors.strings()));
    PAssert.that(distinct).satisfies(fruits -> {
      List<String> initials = new ArrayList<>();
      fruits.forEach(f -> initials.add(f.substring(0, 1)));
      assertThat(initials).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(fruits).contains("cherry");
      return null;
    });
    p.run();
  }

  @Test
  void createRejectsANonDeterministicCoderNamingTheCollection() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollection<Double> input = pipeline.apply(Create.of(1.0, 2.0));
    assertThatThrownBy(() -> input.apply(Distinct.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Distinct")
        .hasMessageContaining(input.toString())
        .hasMessageContaining("deterministic");
  }
}
