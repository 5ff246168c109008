package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.PTransform;
import java.util.Map;

/** The input of a root transform, such as {@code Create} or {@code TextIO.read()}. */
public final class PBegin implements PInput {
  private final Pipeline pipeline;

  private PBegin(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The beginning of {@code pipeline}. */
  public static PBegin in(Pipeline pipeline) {
    return new PBegin(pipeline);
  }

  /** Applies a root transform. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PBegin, OutputT> transform) {
    return pipeline.applyTransform(this, transform);
  }

  /** Applies a root transform under the given name. */
  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<? super PBegin, OutputT> transform) {
    return pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of();
  }
}
