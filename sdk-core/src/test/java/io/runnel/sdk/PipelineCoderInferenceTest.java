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

  /** A DoFn whose output type variable its input does not bind: nothing to infer a coder from. */
  static final class Unbound<T> extends DoFn<String, T> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<T> out) {}
  }

  /** A function whose output type variable its input does not bind. */
  static final class UnboundFn<T> extends SimpleFunction<String, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(String input) {
      return null;
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
  void unboundTypeVariableOutputUsedAsInputFailsAtConstructionNamingTheCollectionAndSetCoder() {
    Pipeline p = pipelineWithoutRunner();
    PCollection<Integer> made = p.apply(Create.of("a")).apply("Make", ParDo.of(new Unbound<Integer>()));

    assertThatThrownBy(() -> made.apply("Again", ParDo.of(new Identity<Integer>())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Make/")
        .hasMessageContaining("type variable T")
        .hasMessageContaining("setCoder");
  }

  @Test
  void unboundTypeVariableOutputNeverUsedFailsAtRunNamingTheCollection() {
    Pipeline p = pipelineWithoutRunner();
    p.apply(Create.of("a")).apply("Make", ParDo.of(new Unbound<Integer>()));

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Make/")
        .hasMessageContaining("setCoder");
  }

  @Test
  void unboundSimpleFunctionOutputFailsNamingTheCollectionAndSetCoder() {
    Pipeline p = pipelineWithoutRunner();
    p.apply(Create.of("a")).apply("Map", MapElements.via(new UnboundFn<Integer>()));

    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PCollection 'Map/")
        .hasMessageContaining("type variable T")
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
    PCollection<String> made = p.apply(Create.of("a")).apply("Make", ParDo.of(new Unbound<String>()))
        .setCoder(StringUtf8Coder.of());

    made.apply("Again", ParDo.of(new Unbound<String>())).setCoder(StringUtf8Coder.of());

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
