package io.runnel.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transform names are unique full names; a clash says which name and how to fix it. */
class PipelineTransformNamesTest {
  static final class Upper extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element.toUpperCase());
    }
  }

  /** A composite that applies {@link Upper} twice, as "First" and "Second". */
  static final class UpperTwice extends PTransform<PCollection<String>, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PCollection<String> input) {
      return input.apply("First", ParDo.of(new Upper())).apply("Second", ParDo.of(new Upper()));
    }
  }

  /** A composite that applies "Step" and then fails, or succeeds when {@code fail} is false. */
  static final class FailsAfterApplying extends PTransform<PCollection<String>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final boolean fail;

    FailsAfterApplying(boolean fail) {
      this.fail = fail;
    }

    @Override
    public PCollection<String> expand(PCollection<String> input) {
      PCollection<String> out = input.apply("Step", ParDo.of(new Upper()));
      if (fail) {
        throw new IllegalArgumentException("expansion failed");
      }
      return out;
    }
  }

  private static List<String> primitiveNames(Pipeline p) {
    List<String> names = new ArrayList<>();
    p.traverseTopologically(new PipelineVisitor() {
      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        names.add(node.getFullName());
      }
    });
    return names;
  }

  private static Pipeline strictPipeline() {
    return Pipeline.create(io.runnel.sdk.options.PipelineOptionsFactory
        .fromArgs("--stableUniqueNames=ERROR").create());
  }

  @Test
  void byDefaultATakenNameGetsTheFirstFreeNumericSuffixAsInBeam() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply("Words", Create.of("a"));
    words.apply("Shout", ParDo.of(new Upper()));
    words.apply("Shout", ParDo.of(new Upper()));
    words.apply("Shout", ParDo.of(new Upper()));
    words.apply(ParDo.of(new Upper()));
    words.apply(ParDo.of(new Upper()));

    assertThat(primitiveNames(p)).contains("Shout/ParMultiDo(Upper)", "Shout2/ParMultiDo(Upper)",
        "Shout3/ParMultiDo(Upper)", "ParDo(Upper)/ParMultiDo(Upper)",
        "ParDo(Upper)2/ParMultiDo(Upper)");
  }

  @Test
  void withTheCheckOffATakenNameIsRenamedToo() {
    Pipeline p = Pipeline.create(io.runnel.sdk.options.PipelineOptionsFactory
        .fromArgs("--stableUniqueNames=OFF").create());
    PCollection<String> words = p.apply("Words", Create.of("a"));
    words.apply("Shout", ParDo.of(new Upper()));
    words.apply("Shout", ParDo.of(new Upper()));

    assertThat(primitiveNames(p)).contains("Shout/ParMultiDo(Upper)", "Shout2/ParMultiDo(Upper)");
  }

  @Test
  void applyingTwoTransformsUnderOneNameFailsNamingItAndTheFix() {
    Pipeline p = strictPipeline();
    PCollection<String> words = p.apply(Create.of("a"));
    words.apply("Shout", ParDo.of(new Upper()));

    assertThatThrownBy(() -> words.apply("Shout", ParDo.of(new Upper())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Shout'")
        .hasMessageContaining("apply(\"UniqueName\"")
        .hasMessageContaining("--stableUniqueNames=WARNING");
  }

  @Test
  void applyingTheSameDefaultNameTwiceFailsNamingTheDefaultName() {
    Pipeline p = strictPipeline();
    PCollection<String> words = p.apply(Create.of("a"));
    words.apply(ParDo.of(new Upper()));

    assertThatThrownBy(() -> words.apply(ParDo.of(new Upper())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'ParDo(Upper)'")
        .hasMessageContaining("apply(\"UniqueName\"");
  }

  @Test
  void partsOfCompositesAreNamedUnderTheComposite() {
    Pipeline p = Pipeline.create();
    p.apply("Words", Create.of("a")).apply("Shout", new UpperTwice());

    assertThat(primitiveNames(p))
        .contains("Shout/First/ParMultiDo(Upper)", "Shout/Second/ParMultiDo(Upper)");
  }

  @Test
  void theSameCompositeUnderTwoNamesDoesNotClash() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply(Create.of("a"));

    words.apply("ShoutOnce", new UpperTwice());

    assertThatCode(() -> words.apply("ShoutAgain", new UpperTwice())).doesNotThrowAnyException();
  }

  @Test
  void aClashInsideACompositeNamesTheFullNestedName() {
    Pipeline p = strictPipeline();
    PCollection<String> words = p.apply(Create.of("a"));
    PTransform<PCollection<String>, PCollection<String>> clashing = PTransform.compose("Clash",
        (PCollection<String> in) -> {
          in.apply("Same", ParDo.of(new Upper()));
          return in.apply("Same", ParDo.of(new Upper()));
        });

    assertThatThrownBy(() -> words.apply("Outer", clashing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Outer/Same'");
  }

  @Test
  void aFailedExpansionDoesNotReserveItsName() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply(Create.of("a"));

    assertThatThrownBy(() -> words.apply("Shout", new FailsAfterApplying(true)))
        .hasMessage("expansion failed");

    assertThatCode(() -> words.apply("Shout", new FailsAfterApplying(false))).doesNotThrowAnyException();
    assertThat(primitiveNames(p)).containsOnlyOnce("Shout/Step/ParMultiDo(Upper)");
  }

  @Test
  void aFailedExpansionLeavesNoNodeInTheGraph() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply(Create.of("a"));
    List<String> before = primitiveNames(p);

    assertThatThrownBy(() -> words.apply("Shout", new FailsAfterApplying(true)));

    assertThat(primitiveNames(p)).isEqualTo(before);
  }
}
