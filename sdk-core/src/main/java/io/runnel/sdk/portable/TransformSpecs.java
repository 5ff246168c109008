package io.runnel.sdk.portable;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.portable.StandardUrns.Functions;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.CombinePayload;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.ParDoPayload;
import io.runnel.sdk.portable.proto.SideInput;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.Impulse;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.internal.DoFnSignature;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code FunctionSpec} of each transform application: a standard URN and payload for the
 * primitives and for the composites runners may replace, the Java-serialized transform for the
 * rest. Stateless.
 */
final class TransformSpecs {
  /** URNs of transforms that have no subtransforms and that runners execute directly. */
  static final Set<String> PRIMITIVES = Set.of(Transforms.IMPULSE, Transforms.PAR_DO,
      Transforms.GROUP_BY_KEY, Transforms.GROUP_BY_KEY_WITH_DROPPED_LATE_DATA,
      Transforms.FLATTEN, Transforms.CREATE_VIEW, Transforms.READ,
      Transforms.TEST_STREAM, Transforms.JAVA_SERIALIZED);

  /** URNs of composites: transforms runners execute through their subtransforms, or replace. */
  static final Set<String> COMPOSITES = Set.of(
      Transforms.COMBINE_PER_KEY, Transforms.RESHUFFLE, Transforms.COMPOSITE);

  private TransformSpecs() {}

  /**
   * The spec of {@code node}.
   *
   * @param viewIds gives the id of a side-input view, registering it if needed
   * @throws IllegalArgumentException naming the transform if a function cannot be serialized
   */
  static FunctionSpec of(TransformNode node, SdkComponents components,
      Function<PValue, String> viewIds) {
    PTransform<?, ?> transform = node.getTransform();
    String where = "transform '" + node.getFullName() + "'";
    if (transform instanceof RehydratedComposite rehydrated) {
      return rehydrated.getSpec();
    }
    if (transform instanceof Impulse) {
      return urn(Transforms.IMPULSE);
    }
    if (transform instanceof GroupByKey<?, ?>) {
      return urn(Transforms.GROUP_BY_KEY);
    }
    if (transform instanceof GroupByKey.WithDroppedLateData<?, ?> withLate) {
      return Specs.of(Transforms.GROUP_BY_KEY_WITH_DROPPED_LATE_DATA,
          withLate.getLateTag().getId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (transform instanceof Flatten.PCollections<?>) {
      return urn(Transforms.FLATTEN);
    }
    if (transform instanceof View.CreatePCollectionView<?, ?>) {
      return urn(Transforms.CREATE_VIEW);
    }
    if (transform instanceof io.runnel.sdk.runners.ScriptedStream<?> script) {
      return ScriptedStreamTranslation.toSpec(script, components, where);
    }
    if (ReadTranslation.isRead(transform)) {
      return ReadTranslation.toSpec(transform, where);
    }
    if (transform instanceof ParDo.MultiOutput<?, ?> parDo) {
      return Specs.of(Transforms.PAR_DO, parDoPayload(parDo, viewIds, where).toByteArray());
    }
    if (transform instanceof Combine.PerKey<?, ?, ?> combine) {
      return Specs.of(Transforms.COMBINE_PER_KEY,
          combinePayload(node, combine, components, where).toByteArray());
    }
    if (transform instanceof Reshuffle<?, ?>) {
      return urn(Transforms.RESHUFFLE);
    }
    if (node.isCompositeNode()) {
      return compositeSpec(transform, where);
    }
    return Specs.serialized(Transforms.JAVA_SERIALIZED, transform, where
        + " (a primitive without a portable form, so it is carried as a serialized Java object)");
  }

  private static FunctionSpec urn(String urn) {
    return FunctionSpec.newBuilder().setUrn(urn).build();
  }

  private static ParDoPayload parDoPayload(ParDo.MultiOutput<?, ?> parDo,
      Function<PValue, String> viewIds, String where) {
    DoFnSignature signature = DoFnSignature.of(parDo.getFn().getClass());
    ParDoPayload.Builder payload = ParDoPayload.newBuilder()
        .setDoFn(Specs.serialized(Functions.DO_FN, parDo.getFn(), "DoFn of " + where))
        .setMainOutputTag(parDo.getMainOutputTag().getId())
        .setRequiresStableInput(signature.requiresStableInput())
        .setRequestsFinalization(signature.requestsFinalization());
    for (TupleTag<?> tag : parDo.getAdditionalOutputTags().getAll()) {
      payload.addAdditionalOutputTags(tag.getId());
    }
    for (Map.Entry<String, PCollectionView<?>> sideInput : parDo.getSideInputs().entrySet()) {
      payload.putSideInputs(sideInput.getKey(),
          SideInput.newBuilder().setViewId(viewIds.apply(sideInput.getValue())).build());
    }
    return payload.build();
  }

  private static CombinePayload combinePayload(TransformNode node, Combine.PerKey<?, ?, ?> combine,
      SdkComponents components, String where) {
    CombinePayload.Builder payload = CombinePayload.newBuilder()
        .setCombineFn(Specs.serialized(Functions.COMBINE_FN, combine.getFn(), "CombineFn of " + where));
    Coder<?> accumulatorCoder = accumulatorCoder(node, combine.getFn());
    if (accumulatorCoder != null) {
      payload.setAccumulatorCoderId(components.registerCoder(accumulatorCoder));
    }
    return payload.build();
  }

  /** The accumulator coder, or null when it cannot be determined (the combine is not liftable). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Coder<?> accumulatorCoder(TransformNode node, Combine.CombineFn<?, ?, ?> fn) {
    if (node.getInputs().size() != 1
        || !(node.getInputs().values().iterator().next() instanceof PCollection<?> input)
        || !(input.getCoder() instanceof KvCoder<?, ?> kvCoder)) {
      return null;
    }
    try {
      return ((Combine.CombineFn) fn).getAccumulatorCoder(
          input.getPipeline().getCoderRegistry(), kvCoder.getValueCoder());
    } catch (Exception e) {
      // Not knowing the accumulator coder only prevents lifting; the expansion still runs.
      return null;
    }
  }

  private static FunctionSpec compositeSpec(PTransform<?, ?> transform, String where) {
    byte[] payload;
    try {
      payload = JavaSerialization.serialize(transform, where);
    } catch (IllegalArgumentException e) {
      // A composite is never executed as such: its parts carry everything runners need.
      payload = new byte[0];
    }
    return Specs.of(Transforms.COMPOSITE, payload);
  }
}
