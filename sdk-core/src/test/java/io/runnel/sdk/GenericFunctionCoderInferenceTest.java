package io.runnel.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.FlatMapElements;
import io.runnel.sdk.transforms.InferableFunction;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SimpleFunction;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reusable generic function ({@code DoFn<T, T>}, {@code DoFn<T, KV<T, T>>}, {@code
 * SimpleFunction<List<T>, T>}) gets its output coder from its input's coder, as in Beam.
 */
class GenericFunctionCoderInferenceTest {
  static final class Identity<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      out.output(element);
    }
  }

  static final class PairWithItself<T> extends DoFn<T, KV<T, T>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<T, T>> out) {
      out.output(KV.of(element, element));
    }
  }

  static final class SwapPair<K, V> extends DoFn<KV<K, V>, KV<V, K>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<K, V> element, OutputReceiver<KV<V, K>> out) {
      out.output(KV.of(element.getValue(), element.getKey()));
    }
  }

  static final class First<T> extends SimpleFunction<List<T>, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(List<T> input) {
      return input.get(0);
    }
  }

  static final class Twice<T> extends SimpleFunction<T, List<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<T> apply(T input) {
      return List.of(input, input);
    }
  }

  static final class ParseNumber extends InferableFunction<String, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer apply(String input) throws Exception {
      return Integer.parseInt(input);
    }
  }

  static final class HeadOf<T> extends InferableFunction<List<T>, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(List<T> input) throws Exception {
      if (input.isEmpty()) {
        throw new java.io.IOException("empty");
      }
      return input.get(0);
    }
  }

  @Test
  void anInferableFunctionCarriesItsTypesAndMayBindThemThroughTheInput() {
    Pipeline p = pipeline();
    PCollection<Integer> numbers = p.apply("Texts", Create.of("1", "2"))
        .apply("Parse", MapElements.via(new ParseNumber()));
    assertThat(numbers.getCoder()).isEqualTo(VarIntCoder.of());
    PCollection<String> heads = p
        .apply("Lists", Create.of(List.of(List.of("a"))).withCoder(ListCoder.of(StringUtf8Coder.of())))
        .apply("Head", MapElements.via(new HeadOf<String>()));
    assertThat(heads.getCoder()).isEqualTo(StringUtf8Coder.of());
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=none-needed").create());
  }

  @Test
  void aGenericDoFnOfTToTKeepsTheInputCoder() {
    PCollection<String> same = pipeline().apply(Create.of("a", "b"))
        .apply(ParDo.of(new Identity<String>()));
    assertThat(same.getCoder()).isEqualTo(StringUtf8Coder.of());
  }

  @Test
  void theInputCoderFillsANestedOutputType() {
    Pipeline p = pipeline();
    PCollection<KV<Integer, Integer>> pairs = p.apply("Ints", Create.of(1, 2))
        .apply("Pair", ParDo.of(new PairWithItself<Integer>()));
    assertThat(pairs.getCoder()).isEqualTo(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()));
    PCollection<KV<Long, String>> swapped = p.apply("Pairs", Create.of(KV.of("a", 1L)))
        .apply("Swap", ParDo.of(new SwapPair<String, Long>()));
    assertThat(swapped.getCoder()).isEqualTo(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()));
  }

  @Test
  void aGenericDoFnAppliedTwiceChainsTheCoder() {
    PCollection<KV<KV<String, String>, KV<String, String>>> nested = pipeline()
        .apply(Create.of("a"))
        .apply("Once", ParDo.of(new PairWithItself<String>()))
        .apply("Twice", ParDo.of(new PairWithItself<KV<String, String>>()));
    KvCoder<String, String> inner = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    assertThat(nested.getCoder()).isEqualTo(KvCoder.of(inner, inner));
  }

  @Test
  void aGenericSimpleFunctionTakesItsCoderFromThePartOfTheInputItNames() {
    Pipeline p = pipeline();
    PCollection<Long> first = p
        .apply("Lists", Create.of(List.of(List.of(1L, 2L))).withCoder(ListCoder.of(VarLongCoder.of())))
        .apply("First", MapElements.via(new First<Long>()));
    assertThat(first.getCoder()).isEqualTo(VarLongCoder.of());
    PCollection<List<String>> twice = p.apply("Words", Create.of("a"))
        .apply("Twice", MapElements.via(new Twice<String>()));
    assertThat(twice.getCoder()).isEqualTo(ListCoder.of(StringUtf8Coder.of()));
    PCollection<String> flat = p.apply("More", Create.of("b"))
        .apply("Flat", FlatMapElements.via(new Twice<String>()));
    assertThat(flat.getCoder()).isEqualTo(StringUtf8Coder.of());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void theRegistryBindsTypeVariablesThroughTheInputCoder() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    TypeDescriptor<?> input = new First<String>().getInputTypeDescriptor(); // List<T>
    TypeDescriptor<?> output = new Twice<String>().getOutputTypeDescriptor(); // List<T> of Twice
    assertThat(registry.getCoder((TypeDescriptor) new First<String>().getOutputTypeDescriptor(),
        (TypeDescriptor) input, (io.runnel.sdk.coders.Coder) IterableCoder.of(VarIntCoder.of())))
        .isEqualTo(VarIntCoder.of());
    assertThat(output.hasUnresolvedParameters()).isTrue();
  }
}
