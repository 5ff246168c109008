package io.runnel.runners.direct.internal;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage root and the chain fused behind it. Its source is what the root releases once its
 * inputs are complete: the impulse, the groups of a GroupByKey or Combine, or a buffer.
 */
final class Stage {
  private final Step root;

  Stage(Step root) {
    this.root = root;
  }

  Step root() {
    return root;
  }

  /** The elements the stage processes, taken from the root's sink. */
  List<WindowedValue<?>> takeSource(Sink<?> rootSink, GroupOrder order) {
    if (root instanceof Step.ImpulseStep) {
      List<WindowedValue<?>> impulse = new ArrayList<>(1);
      impulse.add(WindowedValue.valueInGlobalWindow(new byte[0]));
      return impulse;
    }
    if (rootSink instanceof GroupSink groups) {
      return groups.fire(order);
    }
    if (rootSink instanceof CombineSink combined) {
      return combined.fire(order);
    }
    return ((BufferSink) rootSink).take(order);
  }

  /** The collection a non-ParDo root emits into its chain. */
  static PCollection<?> outputOf(Step root) {
    if (root instanceof Step.ImpulseStep impulse) {
      return impulse.output();
    }
    if (root instanceof Step.GroupByKeyStep gbk) {
      return gbk.output();
    }
    if (root instanceof Step.CombineStep combine) {
      return combine.output();
    }
    if (root instanceof Step.FlattenStep flatten) {
      return flatten.output();
    }
    throw new IllegalStateException(root.name() + " does not emit into a chain");
  }

  @Override
  public String toString() {
    return "Stage(" + root.name() + ")";
  }
}
