package io.runnel.sdk.portable;

import io.runnel.sdk.portable.StandardUrns.Functions;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.CombinePayload;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.ParDoPayload;
import io.runnel.sdk.portable.proto.SideInput;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.Impulse;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.transforms.ViewFn;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes the Java transform of a node from its spec: the SDK's own primitive for each primitive
 * URN (deserializing the user functions of its payload), {@code Combine.perKey} and {@code
 * Reshuffle.of()} for the composites runners replace, and a {@link RehydratedComposite} for the
 * rest. Stateless.
 */
final class PrimitiveRehydration {
  private PrimitiveRehydration() {}

  /**
   * The primitive transform for {@code spec}.
   *
   * @param views the rebuilt view of each view id
   * @param sideInputOrder the node's side-input view ids in application order
   * @param outputViewFn the view function of the node's output view, for create_view
   * @param coders the rebuilt coder of each coder id
   * @throws IllegalArgumentException naming the transform id when the URN is unknown or a
   *     payload cannot be read
   */
  static PTransform<?, ?> primitive(String id, FunctionSpec spec,
      Function<String, PCollectionView<?>> views, List<String> sideInputOrder,
      ViewFn<?, ?> outputViewFn, Function<String, io.runnel.sdk.coders.Coder<?>> coders) {
    String where = "transform '" + id + "'";
    return switch (spec.getUrn()) {
      case Transforms.IMPULSE -> Impulse.create();
      case Transforms.GROUP_BY_KEY -> GroupByKey.create();
      case Transforms.GROUP_BY_KEY_WITH_DROPPED_LATE_DATA -> GroupByKey.create().withDroppedLateData(
          new io.runnel.sdk.values.TupleTag<>(spec.getPayload().toStringUtf8()));
      case Transforms.FLATTEN -> Flatten.pCollections();
      case Transforms.CREATE_VIEW -> ViewConstruction.createViewTransform(outputViewFn);
      case Transforms.PAR_DO -> parDo(parse(spec, where), views, sideInputOrder, where);
      case Transforms.JAVA_SERIALIZED ->
          Specs.deserialize(spec, Transforms.JAVA_SERIALIZED, PTransform.class, where);
      case Transforms.READ -> ReadTranslation.fromSpec(spec, where);
      case Transforms.TEST_STREAM -> ScriptedStreamTranslation.fromSpec(spec, coders, where);
      default -> throw new IllegalArgumentException("Unknown URN '" + spec.getUrn() + "' of "
          + where + " (a primitive: it has no subtransforms)");
    };
  }

  /**
   * The transform of a composite: one runners know by URN, or a {@link RehydratedComposite}.
   *
   * @throws IllegalArgumentException naming the transform id when a payload cannot be read
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PTransform<?, ?> composite(String id, FunctionSpec spec,
      Map<TupleTag<?>, io.runnel.sdk.values.PValue> additionalInputs) {
    String where = "transform '" + id + "'";
    switch (spec.getUrn()) {
      case Transforms.COMBINE_PER_KEY: {
        CombinePayload payload;
        try {
          payload = CombinePayload.parseFrom(spec.getPayload());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          throw new IllegalArgumentException("Cannot read the CombinePayload of " + where, e);
        }
        Combine.CombineFn fn = Specs.deserialize(payload.getCombineFn(), Functions.COMBINE_FN,
            Combine.CombineFn.class, "CombineFn of " + where);
        return Combine.perKey(fn);
      }
      case Transforms.RESHUFFLE:
        return Reshuffle.of();
      default:
        if (TransformSpecs.PRIMITIVES.contains(spec.getUrn())) {
          throw new IllegalArgumentException(where + " has subtransforms, but its URN '"
              + spec.getUrn() + "' is a primitive's");
        }
        return new RehydratedComposite(spec, additionalInputs);
    }
  }

  private static ParDoPayload parse(FunctionSpec spec, String where) {
    try {
      return ParDoPayload.parseFrom(spec.getPayload());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Cannot read the ParDoPayload of " + where, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ParDo.MultiOutput<?, ?> parDo(ParDoPayload payload,
      Function<String, PCollectionView<?>> views, List<String> sideInputOrder, String where) {
    if (payload.getStateSpecsCount() > 0 || payload.getTimerFamilySpecsCount() > 0) {
      throw new IllegalArgumentException(where + " declares state or timers, which the Java SDK"
          + " cannot rebuild yet");
    }
    DoFn fn = Specs.deserialize(payload.getDoFn(), Functions.DO_FN, DoFn.class, "DoFn of " + where);
    List<TupleTag<?>> additional = new ArrayList<>();
    payload.getAdditionalOutputTagsList().forEach(tag -> additional.add(new TupleTag<>(tag)));
    ParDo.MultiOutput parDo = ParDo.of(fn)
        .withOutputTags(new TupleTag<>(payload.getMainOutputTag()), TupleTagList.of(additional));
    // Side inputs keep the node's order, which decides the positional names of its inputs.
    List<Map.Entry<String, SideInput>> sideInputs = new ArrayList<>(payload.getSideInputsMap().entrySet());
    sideInputs.sort(Comparator.comparingInt(e -> sideInputOrder.indexOf(e.getValue().getViewId())));
    for (Map.Entry<String, SideInput> sideInput : sideInputs) {
      parDo = parDo.withSideInput(sideInput.getKey(), views.apply(sideInput.getValue().getViewId()));
    }
    return parDo;
  }
}
