package io.runnel.sdk.portable;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.portable.StandardUrns.Functions;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.PTransform;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Walks a pipeline's graph depth first, in application order, and writes each transform, the
 * collections and views it produces and the coders and windowing strategies they use. A
 * transform's id is its unique full name; a collection's id is its name; a view's id is its
 * name. Since producers are applied before consumers, ids never depend on anything but the
 * graph. One instance per translation.
 */
final class PipelineEncoder {
  private static final Set<String> USER_CODE = Set.of(
      Transforms.PAR_DO, Transforms.COMBINE_PER_KEY, Transforms.JAVA_SERIALIZED, Transforms.READ);

  private final SdkComponents components = SdkComponents.create();

  io.runnel.sdk.portable.proto.Pipeline encode(Pipeline pipeline) {
    io.runnel.sdk.portable.proto.Pipeline.Builder proto = io.runnel.sdk.portable.proto.Pipeline.newBuilder();
    for (TransformNode part : pipeline.getGraphInternal().getRoot().getParts()) {
      proto.addRootTransformIds(encode(part));
    }
    return proto.setComponents(components.toComponents()).build();
  }

  private String encode(TransformNode node) {
    PTransform.Builder proto = PTransform.newBuilder().setUniqueName(node.getFullName());
    for (TransformNode part : node.getParts()) {
      proto.addSubtransforms(encode(part));
    }
    FunctionSpec spec = TransformSpecs.of(node, components, this::valueId);
    proto.setSpec(spec)
        .putAllInputs(LocalNames.of(node.getInputs(), this::valueId))
        .putAllSideInputs(LocalNames.of(node.getAdditionalInputs(), this::valueId));
    Map<TupleTag<?>, PValue> collections = new LinkedHashMap<>();
    Map<TupleTag<?>, PValue> views = new LinkedHashMap<>();
    node.getOutputs().forEach((tag, value) ->
        (value instanceof PCollectionView<?> ? views : collections).put(tag, value));
    proto.putAllOutputs(LocalNames.of(collections, this::valueId))
        .putAllOutputViews(LocalNames.of(views, this::valueId));
    if (USER_CODE.contains(spec.getUrn())
        || spec.getUrn().equals(Transforms.COMPOSITE) && !spec.getPayload().isEmpty()) {
      proto.setEnvironmentId(components.registerJavaEnvironment());
    }
    String id = node.getFullName();
    components.builder().putTransforms(id, proto.build());
    return id;
  }

  /** The id of a collection or view, registering it on first use. */
  private String valueId(PValue value) {
    String known = components.valueId(value);
    if (known != null) {
      return known;
    }
    if (value instanceof PCollection<?> pc) {
      return registerCollection(pc);
    }
    if (value instanceof PCollectionView<?> view) {
      return registerView(view);
    }
    throw new IllegalArgumentException("Cannot translate " + value + " of class "
        + value.getClass().getName() + ": only PCollections and PCollectionViews have a portable form");
  }

  private String registerCollection(PCollection<?> pc) {
    io.runnel.sdk.portable.proto.PCollection.Builder proto =
        io.runnel.sdk.portable.proto.PCollection.newBuilder().setUniqueName(pc.getName());
    try {
      proto.setCoderId(components.registerCoder(pc.getCoder()));
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("Cannot translate " + pc + ": " + e.getMessage(), e);
    }
    proto.setIsBounded(pc.isBounded() == PCollection.IsBounded.BOUNDED
            ? io.runnel.sdk.portable.proto.PCollection.IsBounded.BOUNDED
            : io.runnel.sdk.portable.proto.PCollection.IsBounded.UNBOUNDED)
        .setWindowingStrategyId(components.registerWindowingStrategy(pc.getWindowingStrategy()));
    String id = components.assignValueId(pc, pc.getName());
    components.builder().putPcollections(id, proto.build());
    return id;
  }

  private String registerView(PCollectionView<?> view) {
    if (view.getPCollection() == null) {
      throw new IllegalArgumentException("Cannot translate " + view + ": it has no backing"
          + " collection (a view deserialized outside its pipeline)");
    }
    String pcollectionId = valueId(view.getPCollection());
    io.runnel.sdk.portable.proto.PCollectionView proto = io.runnel.sdk.portable.proto.PCollectionView
        .newBuilder()
        .setPcollectionId(pcollectionId)
        .setViewFn(Specs.serialized(Functions.VIEW_FN, view.getViewFn(), "view function of " + view))
        .setTag(view.getTagInternal().getId())
        .build();
    String id = components.assignValueId(view, view.getName());
    components.builder().putViews(id, proto);
    return id;
  }
}
