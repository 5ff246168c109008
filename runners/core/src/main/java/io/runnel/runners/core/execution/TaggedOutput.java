package io.runnel.runners.core.execution;

import io.runnel.sdk.values.TupleTag;
import java.util.Map;

/**
 * An output of a stage root with several outputs (a stateful ParDo), on its way from the root's
 * sink to the stage's chain: the value of a queued element, naming the output it belongs to.
 * The chain's entry unwraps it and pushes the value into that output's consumers.
 */
record TaggedOutput(TupleTag<?> tag, Object value) {
  /** A receiver that routes tagged elements to the receiver of their tag (dropping unknown tags). */
  static Receiver router(Map<TupleTag<?>, Receiver> byTag) {
    return element -> {
      TaggedOutput tagged = (TaggedOutput) element.getValue();
      Receiver receiver = byTag.get(tagged.tag());
      if (receiver != null) {
        receiver.accept(element.withValue(tagged.value()));
      }
    };
  }
}
