package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Partition;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesFailureMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Partition. */
class PartitionTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void sendsEachElementToThePartitionTheFunctionChooses() {
    PCollectionList<Integer> parts = p.apply(Create.of(0, 1, 2, 3, 4, 5, 6))
        .apply(Partition.of(3, (Integer i, int n) -> i % n));
    PAssert.that(parts.get(0)).containsInAnyOrder(0, 3, 6);
    PAssert.that(parts.get(1)).containsInAnyOrder(1, 4);
    PAssert.that(parts.get(2)).containsInAnyOrder(2, 5);
    p.run();
  }

  @Test
  void givesTheRequestedNumberOfPartitionsEvenIfSomeAreEmpty() {
    PCollectionList<String> parts = p.apply(Create.of("a", "b"))
        .apply(Partition.of(4, (String s, int n) -> 1));
    PAssert.that(parts.get(0)).empty();
    PAssert.that(parts.get(1)).containsInAnyOrder("a", "b");
    PAssert.that(parts.get(2)).empty();
    PAssert.that(parts.get(3)).empty();
    p.run();
  }

  @Test
  @UsesFailureMessage
  void indexOutOfRangeFailsNamingTheElementAndTheIndex() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    pipeline.apply(Create.of("ok", "bad"))
        .apply("Split", Partition.of(2, (String s, int n) -> s.equals("bad") ? 7 : 0));
    assertThatThrownBy(pipeline::run)
        .isInstanceOf(Pipeline.PipelineExecutionException.class)
        .hasMessageContaining("Split")
        .hasMessageContaining("bad")
        .hasMessageContaining("partition index 7")
        .hasMessageContaining("[0, 2)");
  }

  @Test
  void zeroPartitionsIsRejected() {
    assertThatThrownBy(() -> Partition.of(0, (String s, int n) -> 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numPartitions must be positive");
  }
}
