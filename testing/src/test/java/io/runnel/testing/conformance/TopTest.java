package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Top;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Top. */
class TopTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void largestListsTheLargestElementsLargestFirst() {
    PCollection<List<Integer>> top = p.apply(Create.of(5, 1, 9, 3, 7)).apply(Top.largest(3));
    PAssert.thatSingleton(top).isEqualTo(List.of(9, 7, 5));
    p.run();
  }

  @Test
  void smallestListsTheSmallestElementsSmallestFirst() {
    PCollection<List<Integer>> bottom = p.apply(Create.of(5, 1, 9, 3, 7)).apply(Top.smallest(2));
    PAssert.thatSingleton(bottom).isEqualTo(List.of(1, 3));
    p.run();
  }

  @Test
  void ofUsesTheComparator() {
    PCollection<List<String>> longest = p.apply(Create.of("a", "dddd", "bb", "ccc"))
        .apply(Top.of(2, new ByLength()));
    PAssert.thatSingleton(longest).isEqualTo(List.of("dddd", "ccc"));
    p.run();
  }

  @Test
  void largestOfManyElementsKeepsOnlyTheTop() {
    PCollection<List<Integer>> top = p.apply(Create.of(IntStream.range(0, 10_000).boxed().toList()))
        .apply(Top.largest(3));
    PAssert.thatSingleton(top).isEqualTo(List.of(9_999, 9_998, 9_997));
    p.run();
  }

  @Test
  void fewerElementsThanCountGivesThemAll() {
    PCollection<List<Integer>> top = p.apply(Create.of(2, 1)).apply(Top.largest(5));
    PAssert.thatSingleton(top).isEqualTo(List.of(2, 1));
    p.run();
  }

  @Test
  void emptyInputGivesAnEmptyList() {
    PCollection<List<Integer>> top = p.apply(Create.empty(VarIntCoder.of())).apply(Top.largest(3));
    PAssert.thatSingleton(top).isEqualTo(List.of());
    p.run();
  }

  @Test
  void countZeroGivesAnEmptyList() {
    PCollection<List<Integer>> top = p.apply(Create.of(1, 2)).apply(Top.largest(0));
    PAssert.thatSingleton(top).isEqualTo(List.of());
    p.run();
  }

  @Test
  void perKeyListsTheTopValuesOfEachKey() {
    PCollection<KV<String, List<String>>> top = p
        .apply(Create.of(KV.of("x", "a"), KV.of("x", "ccc"), KV.of("x", "bb"), KV.of("y", "z")))
        .apply(Top.perKey(2, new ByLength()));
    PAssert.that(top).containsInAnyOrder(KV.of("x", List.of("ccc", "bb")), KV.of("y", List.of("z")));
    p.run();
  }

  @Test
  void largestPerKeyListsTheLargestValuesOfEachKey() {
    PCollection<KV<String, List<Integer>>> top = p
        .apply(Create.of(KV.of("a", 1), KV.of("a", 3), KV.of("a", 2), KV.of("b", 5)))
        .apply(Top.largestPerKey(2));
    PAssert.that(top).containsInAnyOrder(KV.of("a", List.of(3, 2)), KV.of("b", List.of(5)));
    p.run();
  }

  @Test
  void smallestPerKeyListsTheSmallestValuesOfEachKey() {
    PCollection<KV<String, List<Integer>>> bottom = p
        .apply(Create.of(KV.of("a", 1), KV.of("a", 3), KV.of("a", 2), KV.of("b", 5)))
        .apply(Top.smallestPerKey(2));
    PAssert.that(bottom).containsInAnyOrder(KV.of("a", List.of(1, 2)), KV.of("b", List.of(5)));
    p.run();
  }

  @Test
  void negativeCountIsRejected() {
    assertThatThrownBy(() -> Top.largest(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  private static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }
}
