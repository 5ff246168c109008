package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import java.util.Map;

/** The output of a transform that produces no {@link PCollection}, such as a write. */
public final class PDone implements POutput {
  private final Pipeline pipeline;

  private PDone(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The empty output in {@code pipeline}. */
  public static PDone in(Pipeline pipeline) {
    return new PDone(pipeline);
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
