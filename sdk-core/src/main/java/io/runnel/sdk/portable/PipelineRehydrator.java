package io.runnel.sdk.portable;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.portable.StandardUrns.Functions;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.Components;
import io.runnel.sdk.portable.proto.PTransform;
import io.runnel.sdk.portable.proto.ParDoPayload;
import io.runnel.sdk.runners.TransformGraph;
import io.runnel.sdk.transforms.ViewFn;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.WindowingStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a {@link Pipeline} from its portable form. Transforms are not re-expanded: each node is
 * added to the graph directly, in the proto's order, with {@link TransformGraph#push} and {@link
 * TransformGraph#finish}. Primitives get the SDK's own transform with the deserialized user
 * functions, and output collections with the recorded names, coders, windowing and boundedness;
 * composites get a transform standing for them (see {@link PrimitiveRehydration#composite}) and
 * their parts, rebuilt in turn. The result has the same nodes, names, values and functions as
 * the pipeline that was translated. One instance per rebuild.
 */
final class PipelineRehydrator {
  private final io.runnel.sdk.portable.proto.Pipeline proto;
  private final Components components;
  private final RehydratedComponents rehydrated;
  private final Pipeline pipeline;
  private final TransformGraph graph;
  private final Map<String, PValue> values = new HashMap<>();

  PipelineRehydrator(io.runnel.sdk.portable.proto.Pipeline proto, PipelineOptions options) {
    this.proto = proto;
    this.components = proto.getComponents();
    this.rehydrated = RehydratedComponents.of(components);
    this.pipeline = Pipeline.create(options);
    this.graph = pipeline.getGraphInternal();
  }

  Pipeline rehydrate() {
    for (String id : proto.getRootTransformIdsList()) {
      rehydrate(id, null, "the pipeline's root transforms");
    }
    return pipeline;
  }

  private void rehydrate(String id, String parentName, String referrer) {
    PTransform transform = components.getTransformsMap().get(id);
    if (transform == null) {
      throw new IllegalArgumentException("Transform id '" + id + "', listed in " + referrer
          + ", is not in the pipeline's components");
    }
    String name = localName(id, transform.getUniqueName(), parentName);
    Map<TupleTag<?>, PValue> inputs = resolve(id, transform.getInputsMap(), List.of());
    Map<TupleTag<?>, PValue> sideInputs = resolve(id, transform.getSideInputsMap(), List.of());
    inputs.values().forEach(PipelineRehydrator::finishSpecifying);
    String urn = transform.getSpec().getUrn();
    // A leaf with a composite URN is a composite that applied nothing (it returned its input).
    boolean primitive = transform.getSubtransformsCount() == 0
        && !TransformSpecs.COMPOSITES.contains(urn);
    if (primitive) {
      graph.push(name, inputs, PrimitiveRehydration.primitive(id, transform.getSpec(),
          viewId -> view(id, viewId), new ArrayList<>(transform.getSideInputsMap().values()),
          urn.equals(Transforms.CREATE_VIEW) ? outputViewFn(id, transform) : null,
          rehydrated::getCoder));
    } else {
      graph.push(name, inputs, PrimitiveRehydration.composite(id, transform.getSpec(), sideInputs));
      for (String part : transform.getSubtransformsList()) {
        rehydrate(part, transform.getUniqueName(), "the subtransforms of '" + id + "'");
      }
    }
    Map<TupleTag<?>, PValue> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, String> output
        : LocalNames.ordered(transform.getOutputsMap(), outputOrder(id, transform))) {
      PValue value = values.containsKey(output.getValue())
          ? values.get(output.getValue())
          : newCollection(id, output.getValue());
      outputs.put(LocalNames.key(output.getKey(), value), value);
    }
    for (Map.Entry<String, String> output : LocalNames.ordered(transform.getOutputViewsMap(), List.of())) {
      PValue view = values.containsKey(output.getValue())
          ? values.get(output.getValue())
          : newView(id, output.getValue());
      outputs.put(LocalNames.key(output.getKey(), view), view);
    }
    graph.finish(outputs);
  }

  /** The name the transform was applied under: its unique name less its parent's prefix. */
  private static String localName(String id, String uniqueName, String parentName) {
    if (parentName == null) {
      return uniqueName;
    }
    String prefix = parentName + "/";
    if (!uniqueName.startsWith(prefix) || uniqueName.length() == prefix.length()) {
      throw new IllegalArgumentException("Transform '" + id + "' is a subtransform of '"
          + parentName + "' but its unique name '" + uniqueName + "' does not start with '"
          + prefix + "'");
    }
    return uniqueName.substring(prefix.length());
  }

  private Map<TupleTag<?>, PValue> resolve(String id, Map<String, String> named, List<String> first) {
    Map<TupleTag<?>, PValue> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : LocalNames.ordered(named, first)) {
      PValue value = values.get(entry.getValue());
      if (value == null) {
        throw new IllegalArgumentException("Transform '" + id + "' reads '" + entry.getValue()
            + "', which no earlier transform produced (or which is not in the components)");
      }
      resolved.put(LocalNames.key(entry.getKey(), value), value);
    }
    return resolved;
  }

  private PCollectionView<?> view(String transformId, String viewId) {
    if (!(values.get(viewId) instanceof PCollectionView<?> view)) {
      throw new IllegalArgumentException("Transform '" + transformId + "' reads side input view '"
          + viewId + "', which no earlier transform produced");
    }
    return view;
  }

  private static List<String> outputOrder(String id, PTransform transform) {
    if (!transform.getSpec().getUrn().equals(Transforms.PAR_DO)) {
      return List.of();
    }
    try {
      ParDoPayload payload = ParDoPayload.parseFrom(transform.getSpec().getPayload());
      List<String> order = new ArrayList<>();
      order.add(payload.getMainOutputTag());
      order.addAll(payload.getAdditionalOutputTagsList());
      return order;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Cannot read the ParDoPayload of transform '" + id + "'", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private PCollection<?> newCollection(String transformId, String id) {
    io.runnel.sdk.portable.proto.PCollection proto = components.getPcollectionsMap().get(id);
    if (proto == null) {
      throw new IllegalArgumentException("Transform '" + transformId + "' outputs PCollection '"
          + id + "', which is not in the pipeline's components");
    }
    WindowingStrategy<?, ?> strategy = rehydrated.getWindowingStrategy(proto.getWindowingStrategyId());
    Coder coder = rehydrated.getCoder(proto.getCoderId());
    PCollection.IsBounded bounded = switch (proto.getIsBounded()) {
      case BOUNDED -> PCollection.IsBounded.BOUNDED;
      case UNBOUNDED -> PCollection.IsBounded.UNBOUNDED;
      default -> throw new IllegalArgumentException("PCollection '" + id + "' has no boundedness");
    };
    PCollection<?> pc = PCollection.createPrimitiveOutputInternal(pipeline, strategy, bounded, coder)
        .setName(proto.getUniqueName());
    values.put(id, pc);
    return pc;
  }

  private ViewFn<?, ?> outputViewFn(String transformId, PTransform transform) {
    if (transform.getOutputViewsCount() != 1) {
      throw new IllegalArgumentException("Transform '" + transformId + "' creates a view but has "
          + transform.getOutputViewsCount() + " output views");
    }
    io.runnel.sdk.portable.proto.PCollectionView proto =
        viewProto(transformId, transform.getOutputViewsMap().values().iterator().next());
    return Specs.deserialize(proto.getViewFn(), Functions.VIEW_FN, ViewFn.class,
        "view function of transform '" + transformId + "'");
  }

  private PCollectionView<?> newView(String transformId, String id) {
    io.runnel.sdk.portable.proto.PCollectionView proto = viewProto(transformId, id);
    PValue pc = values.get(proto.getPcollectionId());
    if (!(pc instanceof PCollection<?> collection)) {
      throw new IllegalArgumentException("View '" + id + "' of transform '" + transformId
          + "' is backed by PCollection '" + proto.getPcollectionId()
          + "', which no earlier transform produced");
    }
    ViewFn<?, ?> viewFn = graph.getCurrent().getTransform()
        instanceof io.runnel.sdk.transforms.View.CreatePCollectionView<?, ?> create
        ? create.getViewFn()
        : Specs.deserialize(proto.getViewFn(), Functions.VIEW_FN, ViewFn.class,
            "view function of view '" + id + "'");
    PCollectionView<?> view = ViewConstruction.view(collection, viewFn, proto.getTag());
    values.put(id, view);
    return view;
  }

  private io.runnel.sdk.portable.proto.PCollectionView viewProto(String transformId, String id) {
    io.runnel.sdk.portable.proto.PCollectionView proto = components.getViewsMap().get(id);
    if (proto == null) {
      throw new IllegalArgumentException("Transform '" + transformId + "' outputs view '" + id
          + "', which is not in the pipeline's components");
    }
    return proto;
  }

  private static void finishSpecifying(PValue value) {
    if (value instanceof PCollection<?> pc) {
      pc.finishSpecifyingInternal();
    }
  }
}
