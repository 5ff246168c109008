package io.runnel.sdk.transforms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.internal.DoFnParameter.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A DoFn's annotated methods are checked at construction, with errors naming the class. */
class DoFnSignatureTest {
  static final class NoProcessElement extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    public void process(@Element String element, OutputReceiver<String> out) {}
  }

  static final class TwoProcessElements extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void first(@Element String element) {}

    @ProcessElement
    public void second(@Element String element) {}
  }

  static final class UnannotatedElement extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, StringBuilder scratch) {}
  }

  static final class ElementInStartBundle extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @StartBundle
    public void startBundle(@Element String element) {}

    @ProcessElement
    public void process(@Element String element) {}
  }

  static final class TimestampOfWrongType extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Timestamp Long timestamp) {}
  }

  /** Holds an object that cannot be serialized. */
  static final class NotSerializableField extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final Thread worker = new Thread(() -> {});

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element + worker.getName());
    }
  }

  static class Base extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element);
    }
  }

  static final class Overriding extends Base {
    private static final long serialVersionUID = 1L;

    @Override
    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element + "!");
    }
  }

  /** Adds a second, differently named @ProcessElement next to the one it inherits. */
  static final class AddingAnother extends Base {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void another(@Element String element) {}
  }

  static final class AllParameters extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, @Timestamp Instant timestamp,
        OutputReceiver<String> out) {}
  }

  @Test
  void missingProcessElementIsRejectedNamingTheClassAndTheFix() {
    assertThatThrownBy(() -> ParDo.of(new NoProcessElement()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NoProcessElement.class.getName())
        .hasMessageContaining("@ProcessElement");
  }

  @Test
  void twoProcessElementMethodsAreRejectedNamingBoth() {
    assertThatThrownBy(() -> ParDo.of(new TwoProcessElements()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TwoProcessElements.class.getName())
        .hasMessageContaining("first")
        .hasMessageContaining("second");
  }

  @Test
  void aSubclassAddingADifferentProcessElementIsRejectedNamingBothMethods() {
    assertThatThrownBy(() -> DoFnSignature.of(AddingAnother.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(AddingAnother.class.getName())
        .hasMessageContaining("AddingAnother.another")
        .hasMessageContaining("Base.")
        .hasMessageContaining("override");
  }

  @Test
  void unsupportedParameterIsRejectedNamingTheClassItsIndexAndType() {
    assertThatThrownBy(() -> ParDo.of(new UnannotatedElement()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(UnannotatedElement.class.getName())
        .hasMessageContaining("parameter 2")
        .hasMessageContaining("java.lang.StringBuilder");
  }

  @Test
  void elementParameterIsRejectedInStartBundle() {
    assertThatThrownBy(() -> DoFnSignature.of(ElementInStartBundle.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ElementInStartBundle.class.getName())
        .hasMessageContaining("START_BUNDLE");
  }

  @Test
  void timestampParameterMustBeAnInstant() {
    assertThatThrownBy(() -> DoFnSignature.of(TimestampOfWrongType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 1")
        .hasMessageContaining("java.lang.Long");
  }

  @Test
  void nonSerializableDoFnIsRejectedNamingTheDoFnAndTheFieldClass() {
    assertThatThrownBy(() -> ParDo.of(new NotSerializableField()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NotSerializableField.class.getName())
        .hasMessageContaining("java.lang.Thread")
        .hasMessageContaining("transient");
  }

  @Test
  void anOverriddenProcessElementCountsOnceAsTheSubclassMethod() {
    DoFnSignature signature = DoFnSignature.of(Overriding.class);

    assertThat(signature.processElement().method().getDeclaringClass()).isEqualTo(Overriding.class);
  }

  @Test
  void parametersAreClassifiedInDeclarationOrder() {
    DoFnSignature signature = DoFnSignature.of(AllParameters.class);

    assertThat(signature.processElement().parameters()).extracting(DoFnParameter::kind)
        .containsExactly(Kind.ELEMENT, Kind.TIMESTAMP, Kind.OUTPUT_RECEIVER);
  }
}
