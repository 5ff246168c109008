package io.runnel.sdk.portable;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptions;

/**
 * Translates a {@link Pipeline} to its portable form, {@code runnel.v1.Pipeline}, and back.
 *
 * <p>{@link #toProto} writes every transform application (primitives and composites, with their
 * nesting), every collection and side-input view, and the coders, windowing strategies and
 * environment they use. Ids are deterministic: a transform's id is its unique full name, a
 * collection's or view's id is its name, and coders and windowing strategies are named after
 * their kind, so the same pipeline always gives the same proto.
 *
 * <p>{@link #fromProto} rebuilds an equivalent, runnable pipeline: the same nodes with the same
 * names, the same primitives with the same (deserialized) user functions, and collections with
 * the same coders, windowing and boundedness. Composites keep their place, name and parts; their
 * Java transform is {@code Combine.perKey} or {@code Reshuffle.of()} when the URN says so and a
 * {@link RehydratedComposite} otherwise. For every pipeline {@code p}, {@code
 * toProto(fromProto(toProto(p), options))} equals {@code toProto(p)}.
 *
 * <p>Both directions read or build a pipeline on the calling thread; neither is safe to call
 * while another thread builds the same pipeline.
 */
public final class PipelineTranslation {
  private PipelineTranslation() {}

  /**
   * The portable form of {@code pipeline}.
   *
   * @throws IllegalArgumentException naming the transform or collection when a user function,
   *     coder or window function cannot be serialized, or a collection has no coder
   */
  public static io.runnel.sdk.portable.proto.Pipeline toProto(Pipeline pipeline) {
    return new PipelineEncoder().encode(pipeline);
  }

  /**
   * A pipeline with {@code options} rebuilt from {@code proto}.
   *
   * @throws IllegalArgumentException naming the transform, collection, view or coder id when a
   *     URN is unknown, an id is missing, or a payload cannot be read
   */
  public static Pipeline fromProto(io.runnel.sdk.portable.proto.Pipeline proto, PipelineOptions options) {
    return new PipelineRehydrator(proto, options).rehydrate();
  }
}
