package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.PTransform;
import io.runnel.sdk.portable.proto.ParDoPayload;
import org.junit.jupiter.api.Test;

class PipelineTranslationErrorsTest {
  private static final String IMPULSE = "Words/Impulse";
  private static final String EMIT = "Words/Emit/ParMultiDo(EmitFn)";

  @Test
  void unknownPrimitiveUrnErrorNamesTheTransform() {
    io.runnel.sdk.portable.proto.Pipeline proto = withTransform(IMPULSE, transform(IMPULSE)
        .toBuilder().setSpec(FunctionSpec.newBuilder().setUrn("acme:teleport:v1")).build());

    assertThatThrownBy(() -> rebuild(proto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + IMPULSE + "'")
        .hasMessageContaining("acme:teleport:v1");
  }

  @Test
  void missingSubtransformErrorNamesTheIdAndItsParent() {
    io.runnel.sdk.portable.proto.Pipeline proto = withTransform("Words",
        transform("Words").toBuilder().addSubtransforms("Words/Ghost").build());

    assertThatThrownBy(() -> rebuild(proto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Words/Ghost'")
        .hasMessageContaining("'Words'");
  }

  @Test
  void missingInputCollectionErrorNamesTheTransformAndTheCollection() {
    io.runnel.sdk.portable.proto.Pipeline proto = withTransform(EMIT,
        transform(EMIT).toBuilder().putInputs("#0", "nowhere").build());

    assertThatThrownBy(() -> rebuild(proto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + EMIT + "'")
        .hasMessageContaining("'nowhere'");
  }

  @Test
  void undeserializableDoFnErrorNamesTheTransform() {
    ParDoPayload payload = ParDoPayload.newBuilder()
        .setDoFn(Specs.of(StandardUrns.Functions.DO_FN, new byte[] {42}))
        .setMainOutputTag("output")
        .build();
    io.runnel.sdk.portable.proto.Pipeline proto = withTransform(EMIT, transform(EMIT).toBuilder()
        .setSpec(Specs.of(StandardUrns.Transforms.PAR_DO, payload.toByteArray())).build());

    assertThatThrownBy(() -> rebuild(proto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + EMIT + "'");
  }

  @Test
  void missingCoderErrorNamesTheCoderId() {
    io.runnel.sdk.portable.proto.Pipeline original = source();
    String pcId = transform(EMIT).getOutputsMap().values().iterator().next();
    io.runnel.sdk.portable.proto.PCollection pc = original.getComponents().getPcollectionsOrThrow(pcId);
    io.runnel.sdk.portable.proto.Pipeline proto = original.toBuilder()
        .setComponents(original.getComponents().toBuilder()
            .putPcollections(pcId, pc.toBuilder().setCoderId("lost_coder").build()))
        .build();

    assertThatThrownBy(() -> rebuild(proto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lost_coder'");
  }

  private static io.runnel.sdk.portable.proto.Pipeline source() {
    Pipeline p = Pipeline.create();
    TestSources.of(p, "Words", StringUtf8Coder.of(), "a");
    return PipelineTranslation.toProto(p);
  }

  private static PTransform transform(String id) {
    return source().getComponents().getTransformsOrThrow(id);
  }

  private static io.runnel.sdk.portable.proto.Pipeline withTransform(String id, PTransform transform) {
    io.runnel.sdk.portable.proto.Pipeline proto = source();
    return proto.toBuilder()
        .setComponents(proto.getComponents().toBuilder().putTransforms(id, transform))
        .build();
  }

  private static Pipeline rebuild(io.runnel.sdk.portable.proto.Pipeline proto) {
    return PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());
  }
}
