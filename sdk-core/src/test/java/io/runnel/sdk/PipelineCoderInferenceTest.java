package io.runnel.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SimpleFunction;
import io.runnel.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/**
 * When no coder can be inferred, the error names the collection, what is known of its type and
 * the {@code setCoder} call that fixes it, whether it surfaces at construction or at run.
 */
class PipelineCoderInferenceTest {
  /** A DoFn whose output type is a type variable: nothing to infer a coder from. */
  static final class Identity<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      out.output(element);
    }
  }

  /** A function whose output type is a type variable. */
  static final class Same<T> extends SimpleFunction<T, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(T input) {
      return input;
    }
  }

  /** A type no coder is registered for and that is not Serializable. */
  static final class Opaque {}

  static final class ToOpaque extends DoFn<String, Opaque> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<Opaque> out) {
      out.output(new Opaque());
    }
  }

  private static Pipeline pipelineWithoutRunner() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=none-needed").create());
  }

  @Test
  void genericDoFnOutputUsedAsInputFailsAtConstructionNamingTheCollectionAndSetCoder() {
    Pipeline p = pipelineWithoutRunner();
    PCollection<String> same = p.apply(Create.of("a")).apply("Same", ParDo.of(new Identity<String>()));

    assertThatThrownBy(() -> same.apply("Again", ParDo.of(new Identity<String>())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Same/")
        .hasMessageContaining("element type is unknown")
        .hasMessageContaining("setCoder");
  }

  @Test
  void genericDoFnOutputNeverUsedFailsAtRunNamingTheCollection() {
    Pipeline p = pipelineWithoutRunner();
    p.apply(Create.of("a")).apply("Same", ParDo.of(new Identity<String>()));

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Same/")
        .hasMessageContaining("setCoder");
  }

  @Test
  void genericSimpleFunctionOutputFailsNamingTheCollectionAndSetCoder() {
    Pipeline p = pipelineWithoutRunner();
    p.apply(Create.of("a")).apply("Map", MapElements.via(new Same<String>()));

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Map/")
        .hasMessageContaining("setCoder");
  }

  @Test
  void typeWithoutCoderFailsNamingTheCollectionAndItsType() {
    Pipeline p = pipelineWithoutRunner();
    p.apply(Create.of("a")).apply("Wrap", ParDo.of(new ToOpaque()));

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Wrap/")
        .hasMessageContaining("Opaque")
        .hasMessageContaining("setCoder");
  }

  @Test
  void settingTheCoderMakesTheGenericOutputUsable() {
    Pipeline p = pipelineWithoutRunner();
    PCollection<String> same = p.apply(Create.of("a")).apply("Same", ParDo.of(new Identity<String>()))
        .setCoder(StringUtf8Coder.of());

    same.apply("Again", ParDo.of(new Identity<String>())).setCoder(StringUtf8Coder.of());

    // Coders are valid, so the run gets as far as looking up the (missing) runner.
    assertThatThrownBy(p::run).hasMessageContaining("none-needed");
  }

  @Test
  void setCoderAfterTheCollectionWasUsedFailsNamingItAndTheCall() {
    Pipeline p = pipelineWithoutRunner();
    PCollection<String> words = p.apply("Words", Create.of("a"));
    words.apply("Same", ParDo.of(new Identity<String>()));

    assertThatThrownBy(() -> words.setCoder(StringUtf8Coder.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setCoder")
        .hasMessageContaining("PCollection 'Words");
  }
}
