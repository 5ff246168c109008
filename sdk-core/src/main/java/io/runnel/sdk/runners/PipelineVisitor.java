package io.runnel.sdk.runners;

import io.runnel.sdk.values.PValue;

/**
 * Walks a pipeline's graph in the order it was built, which is a topological order: every
 * transform is visited after the producers of its inputs.
 */
public interface PipelineVisitor {
  /** What to do with a composite's parts. */
  enum CompositeBehavior {
    ENTER_TRANSFORM,
    DO_NOT_ENTER_TRANSFORM
  }

  /** Called before a composite's parts; return whether to visit them. */
  default CompositeBehavior enterCompositeTransform(TransformNode node) {
    return CompositeBehavior.ENTER_TRANSFORM;
  }

  /** Called after a composite's parts (also when they were skipped). */
  default void leaveCompositeTransform(TransformNode node) {}

  /** Called for each primitive. */
  default void visitPrimitiveTransform(TransformNode node) {}

  /** Called for each value a primitive (or a skipped composite) produced. */
  default void visitValue(PValue value, TransformNode producer) {}
}
