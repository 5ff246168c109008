package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How Create expands and what it checks when applied; running it is in the conformance suite. */
class CreateTest {

  @Test
  void ofExpandsToABoundedReadOfACreateSourceUnderTheDefaultName() {
    Pipeline p = Pipeline.create();
    PCollection<String> values = p.apply(Create.of("a", "b"));

    Map<String, TransformNode> primitives = primitives(p);

    assertThat(primitives).containsOnlyKeys("Create.Values/Read(CreateSource)");
    Read.Bounded<?> read = (Read.Bounded<?>) primitives.values().iterator().next().getTransform();
    assertThat(read.getSource()).isInstanceOf(CreateSource.class);
    assertThat(values.isBounded()).isEqualTo(PCollection.IsBounded.BOUNDED);
    assertThat(values.getCoder()).isEqualTo(StringUtf8Coder.of());
  }

  @Test
  void timestampedExpandsToABoundedReadOfACreateSourceUnderTheDefaultName() {
    Pipeline p = Pipeline.create();
    p.apply(Create.timestamped(TimestampedValue.of("a", Instant.EPOCH)));

    assertThat(primitives(p)).containsOnlyKeys("Create.TimestampedValues/Read(CreateSource)");
  }

  @Test
  void theSourceHoldsTheValuesEncodedWithTheGivenCoder() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply(Create.of(1, 300, 70_000).withCoder(VarIntCoder.of()));

    CreateSource<?> source = (CreateSource<?>) ((Read.Bounded<?>) primitives(p).values().iterator()
        .next().getTransform()).getSource();

    // VarInt: 1 takes one byte, 300 two, 70,000 three.
    assertThat(source.getEstimatedSizeBytes(p.getOptions())).isEqualTo(6);
    assertThat(source.getOutputCoder()).isEqualTo(VarIntCoder.of());
  }

  @Test
  void emptyHasTheGivenCoderAndASourceWithoutValues() {
    Pipeline p = Pipeline.create();
    PCollection<String> none = p.apply(Create.empty(StringUtf8Coder.of()));

    CreateSource<?> source = (CreateSource<?>) ((Read.Bounded<?>) primitives(p).values().iterator()
        .next().getTransform()).getSource();

    assertThat(none.getCoder()).isEqualTo(StringUtf8Coder.of());
    assertThat(source.size()).isZero();
  }

  @Test
  void emptyWithATypeInfersTheCoderFromIt() {
    Pipeline p = Pipeline.create();

    assertThat(p.apply(Create.empty(TypeDescriptors.strings())).getCoder())
        .isEqualTo(StringUtf8Coder.of());
  }

  @Test
  void aValueTheCoderCannotEncodeFailsAtApplyNamingTheTransformAndTheValue() {
    Pipeline p = Pipeline.create();

    assertThatThrownBy(() -> p.apply("Names", Create.of("a", "b", null).withCoder(StringUtf8Coder.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Names'")
        .hasMessageContaining("index 2 ('null')")
        .hasMessageContaining("withCoder");
  }

  @Test
  void aTimestampBeforeTheBeginningOfTimeFailsAtApplyNamingTheValue() {
    Pipeline p = Pipeline.create();
    Instant tooEarly = BoundedWindow.TIMESTAMP_MIN_VALUE.minusMillis(1);

    assertThatThrownBy(() -> p.apply(Create.timestamped(TimestampedValue.of("early", tooEarly))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'early'")
        .hasMessageContaining("TIMESTAMP_MIN_VALUE");
  }

  @Test
  void valuesWithDifferentClassesNeedACoder() {
    Pipeline p = Pipeline.create();

    assertThatThrownBy(() -> p.apply(Create.of(Arrays.<Object>asList("a", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different classes")
        .hasMessageContaining(".withCoder(coder)");
  }

  @Test
  void getElementsGivesTheValuesAsGiven() {
    List<String> values = new ArrayList<>(Arrays.asList("b", null, "a"));

    assertThat(Create.of(values).getElements()).containsExactly("b", null, "a");
  }

  private static Map<String, TransformNode> primitives(Pipeline p) {
    Map<String, TransformNode> nodes = new TreeMap<>();
    p.traverseTopologically(new PipelineVisitor() {
      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        nodes.put(node.getFullName(), node);
      }
    });
    return nodes;
  }
}
