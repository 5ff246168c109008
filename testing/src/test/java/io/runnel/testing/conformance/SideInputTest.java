package io.runnel.testing.conformance;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesFailureMessage;
import io.runnel.testing.UsesSideInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conformance: side inputs through each kind of View. */
@UsesSideInputs
class SideInputTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void asSingletonGivesTheOnlyElement() {
    PCollectionView<Integer> offset = p.apply("Offset", Create.of(100)).apply(View.asSingleton());
    PCollection<String> out = p.apply(Create.of("a", "b"))
        .apply(ParDo.of(new ReadFn<>(offset)).withSideInputs(offset));
    PAssert.that(out).containsInAnyOrder("a:100", "b:100");
    p.run();
  }

  @Test
  void asSingletonWithDefaultValueGivesTheDefaultForEmptyInput() {
    PCollectionView<Integer> offset = p.apply("Offset", Create.empty(VarIntCoder.of()))
        .apply(View.<Integer>asSingleton().withDefaultValue(7));
    PCollection<String> out = p.apply(Create.of("a"))
        .apply(ParDo.of(new ReadFn<>(offset)).withSideInputs(offset));
    PAssert.that(out).containsInAnyOrder("a:7");
    p.run();
  }

  @Test
  @UsesFailureMessage
  void asSingletonOfTwoElementsFails() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollectionView<Integer> offset = pipeline.apply("Offset", Create.of(1, 2)).apply(View.asSingleton());
    pipeline.apply(Create.of("a"))
        .apply("ReadOffset", ParDo.of(new ReadFn<>(offset)).withSideInputs(offset));
    assertThatThrownBy(pipeline::run)
        .isInstanceOf(Pipeline.PipelineExecutionException.class)
        .hasMessageContaining("ReadOffset")
        .hasMessageContaining("2 elements");
  }

  @Test
  void asListGivesAllElements() {
    PCollectionView<List<Integer>> numbers = p.apply("Numbers", Create.of(3, 1, 2)).apply(View.asList());
    PCollection<String> out = p.apply(Create.of("a"))
        .apply(ParDo.of(new ReadFn<>(numbers, SideInputTest::sortedString)).withSideInputs(numbers));
    PAssert.that(out).containsInAnyOrder("a:[1, 2, 3]");
    p.run();
  }

  @Test
  void asIterableGivesAllElements() {
    PCollectionView<Iterable<Integer>> numbers = p.apply("Numbers", Create.of(3, 1, 2)).apply(View.asIterable());
    PCollection<String> out = p.apply(Create.of("a"))
        .apply(ParDo.of(new ReadFn<>(numbers, SideInputTest::sortedString)).withSideInputs(numbers));
    PAssert.that(out).containsInAnyOrder("a:[1, 2, 3]");
    p.run();
  }

  @Test
  void asMapGivesTheValueOfEachKey() {
    PCollectionView<Map<String, Integer>> map = p.apply("Map", Create.of(KV.of("x", 1), KV.of("y", 2)))
        .apply(View.asMap());
    PCollection<String> out = p.apply(Create.of("a"))
        .apply(ParDo.of(new ReadFn<>(map, m -> new TreeMap<>(m).toString())).withSideInputs(map));
    PAssert.that(out).containsInAnyOrder("a:{x=1, y=2}");
    p.run();
  }

  @Test
  void asMultimapGivesAllValuesOfEachKey() {
    PCollectionView<Map<String, Iterable<Integer>>> map = p
        .apply("Map", Create.of(KV.of("x", 2), KV.of("y", 3), KV.of("x", 1)))
        .apply(View.asMultimap());
    PCollection<String> out = p.apply(Create.of("a"))
        .apply(ParDo.of(new ReadFn<>(map, m -> "x=" + sortedString(m.get("x")) + " y=" + sortedString(m.get("y"))))
            .withSideInputs(map));
    PAssert.that(out).containsInAnyOrder("a:x=[1, 2] y=[3]");
    p.run();
  }

  private static String sortedString(Iterable<Integer> values) {
    List<Integer> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list.toString();
  }

  /** Outputs "element:render(side input)". */
  private static final class ReadFn<T> extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<T> view;
    private final io.runnel.sdk.transforms.SerializableFunction<T, String> render;

    ReadFn(PCollectionView<T> view) {
      this(view, String::valueOf);
    }

    ReadFn(PCollectionView<T> view, io.runnel.sdk.transforms.SerializableFunction<T, String> render) {
      this.view = view;
      this.render = render;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() + ":" + render.apply(c.sideInput(view)));
    }
  }
}
