package io.runnel.runners.core.execution;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import java.util.Map;

/**
 * Checks a runner makes on the elements one instance of a transform reads and writes, such as the
 * direct runner's immutability and encodability checks. The engine calls them at the right
 * points; a failed check throws a {@link TransformFailure} naming the transform and the element.
 * One instance per transform instance, owned by its thread.
 */
public interface TransformChecks {
  /** No checks. */
  TransformChecks NONE = new TransformChecks() {};

  /** Before the transform processes {@code input}; returns what {@link #afterInput} needs. */
  default Object beforeInput(Object input) {
    return null;
  }

  /** After the transform processed {@code input}; fails if it changed its input. */
  default void afterInput(Object input, Object token) {}

  /** An output, before it goes downstream; fails if it is not a valid element of its collection. */
  default void onOutput(TupleTag<?> tag, Object value) {}

  /** At the end of a bundle: checks on outputs that wait until then. */
  default void onFinishBundle() {}

  /** Makes the checks of each transform instance. Thread-safe. */
  interface Factory {
    /** No checks anywhere. */
    Factory NONE = (transform, inputCoder, outputs) -> TransformChecks.NONE;

    /**
     * The checks of one instance of {@code transform}, which reads elements of {@code inputCoder}
     * and writes to {@code outputs}.
     */
    TransformChecks forTransform(String transform, Coder<?> inputCoder,
        Map<TupleTag<?>, PCollection<?>> outputs);
  }
}
