package io.runnel.sdk.io;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.transforms.PTransform;
import java.util.ArrayList;
import java.util.List;

/** The primitive transforms of a pipeline, in application order. */
final class Primitives {
  private Primitives() {}

  static List<PTransform<?, ?>> of(Pipeline pipeline) {
    List<PTransform<?, ?>> primitives = new ArrayList<>();
    pipeline.traverseTopologically(new PipelineVisitor() {
      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        primitives.add(node.getTransform());
      }
    });
    return primitives;
  }

  /** The only primitive of {@code pipeline}. */
  static PTransform<?, ?> single(Pipeline pipeline) {
    List<PTransform<?, ?>> primitives = of(pipeline);
    if (primitives.size() != 1) {
      throw new AssertionError("expected one primitive, got " + primitives);
    }
    return primitives.get(0);
  }
}
