package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.InferableFunction;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SimpleFunction;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: reusable generic functions, whose output coders come from their inputs' coders
 * ({@code DoFn<T, KV<T, T>>}, {@code SimpleFunction<T, List<T>>}), run and group as any other.
 */
class GenericFunctionsTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  static final class PairWithItself<T> extends DoFn<T, KV<T, T>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<T, T>> out) {
      out.output(KV.of(element, element));
    }
  }

  static final class Twice<T> extends SimpleFunction<T, List<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<T> apply(T input) {
      return List.of(input, input);
    }
  }

  @Test
  void aGenericDoFnsOutputIsGroupedByItsInferredKeyCoder() {
    PCollection<KV<String, Long>> counts = p.apply(Create.of("a", "b", "a"))
        .apply(ParDo.of(new PairWithItself<String>()))
        .apply(Count.perKey());
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
    p.run();
  }

  static final class ParseNumber extends InferableFunction<String, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer apply(String input) throws Exception {
      return Integer.parseInt(input);
    }
  }

  @Test
  void anInferableFunctionRunsWithTheCoderOfItsDeclaredOutput() {
    PCollection<Integer> numbers = p.apply(Create.of("1", "22"))
        .apply(MapElements.via(new ParseNumber()));
    PAssert.that(numbers).containsInAnyOrder(1, 22);
    p.run();
  }

  @Test
  void aGenericSimpleFunctionsOutputRoundTripsThroughItsInferredCoder() {
    PCollection<List<Integer>> twice = p.apply(Create.of(1, 2))
        .apply(MapElements.via(new Twice<Integer>()));
    PAssert.that(twice).containsInAnyOrder(List.of(1, 1), List.of(2, 2));
    p.run();
  }
}
