package io.runnel.runners.core.execution;

import io.runnel.runners.core.CombineAccumulators;
import io.runnel.runners.core.CombiningTable;
import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.SlicingCombiningTable;
import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The state of a lifted Combine.perKey: each bundle pre-combines into its own table with its
 * chain instance's copy of the CombineFn; commits merge accumulators in bundle order.
 *
 * <p>When the input comes straight from a {@code Window.into(SlidingWindows...)} that {@link
 * SlicingCombiningTable} supports, the tables combine by slices, and the chain hands this sink
 * the elements of that {@code Window.into} before it assigns them their windows ({@link
 * #bypasses}): the slice follows from the timestamp, and the n windows per element are
 * never built.
 */
final class CombineSink extends RootSink<CombineAccumulators<Object, Object, Object>> {
  private final Step.CombineStep step;
  private final Coder<Object> keyCoder;
  private final Step.AssignStep bypassedAssign;
  private final CombineAccumulators<Object, Object, Object> table;

  private final GroupOrder order;

  /**
   * @param slidingAssign the step assigning the sliding windows that produces the input, if it
   *     qualifies for slicing; null to combine per window
   */
  @SuppressWarnings("unchecked")
  CombineSink(Step.CombineStep step, GroupOrder order, Step.AssignStep slidingAssign) {
    this.step = step;
    this.order = order;
    this.bypassedAssign = slidingAssign;
    this.keyCoder = ((KvCoder<Object, Object>) step.input().getCoder()).getKeyCoder();
    this.table = newTable(copyFn());
  }

  /**
   * Whether the input is the output of {@code assign}, a sliding-window assignment, and this sink
   * takes that step's input instead, placing each element by its timestamp.
   */
  boolean bypasses(Step.AssignStep assign) {
    return bypassedAssign == assign;
  }

  /**
   * The step that assigns sliding windows to {@code combine}'s input, if slicing applies: the
   * input is that step's output, so every element's windows follow from its timestamp.
   */
  static Step.AssignStep slidingAssignOf(Step.CombineStep combine, ExecutionPlan plan) {
    if (!SlicingCombiningTable.supports(combine.input().getWindowingStrategy())) {
      return null;
    }
    for (Step step : plan.steps()) {
      if (step instanceof Step.AssignStep assign && assign.output() == combine.input()
          && combine.input().getWindowingStrategy().getWindowFn()
              .equals(assign.transform().getWindowFn())) {
        return assign;
      }
    }
    return null;
  }

  @Override
  Supplier<CombineAccumulators<Object, Object, Object>> localFactory() {
    Combine.CombineFn<Object, Object, Object> fn = copyFn();
    return () -> newTable(fn);
  }

  private CombineAccumulators<Object, Object, Object> newTable(
      Combine.CombineFn<Object, Object, Object> fn) {
    PCollection<?> input = step.input();
    return bypassedAssign != null
        ? new SlicingCombiningTable<>(keyCoder, fn, input.getWindowingStrategy())
        : new CombiningTable<>(keyCoder, fn, input.getWindowingStrategy());
  }

  @Override
  @SuppressWarnings("unchecked")
  void add(CombineAccumulators<Object, Object, Object> local, WindowedValue<?> value) {
    try {
      local.add((WindowedValue<KV<Object, Object>>) value);
    } catch (RuntimeException e) {
      throw new TransformFailure(step.name(), "adding", value.getValue(), e);
    }
  }

  @Override
  void commit(CombineAccumulators<Object, Object, Object> local) {
    try {
      table.mergeFrom(local);
    } catch (RuntimeException e) {
      throw new TransformFailure(step.name(), "merging accumulators", null, e);
    }
  }

  /**
   * Fires every window once the input is complete. This sink serves bounded input with the
   * default trigger, whose watermark jumps from the start of time to its end.
   */
  @Override
  void advance(Instant inputWatermark, Instant processingTime) {
    if (!inputWatermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE) && table.size() > 0) {
      queue().enqueue(stage(), fire(order), true);
    }
  }

  @Override
  byte[] snapshotState() {
    if (table.size() > 0) {
      throw new IllegalStateException(step.name() + ": the batch path of a combine keeps its"
          + " accumulators on the heap and cannot be snapshot; a checkpointing runner plans"
          + " combines on the keyed engine instead");
    }
    return null;
  }

  @Override
  Instant hold() {
    return table.size() > 0 ? BoundedWindow.TIMESTAMP_MIN_VALUE : null;
  }

  /** The combined values, once the input is complete. */
  List<WindowedValue<?>> fire(GroupOrder order) {
    List<WindowedValue<?>> out = new ArrayList<>(table.size());
    try {
      table.fireAll(out::add, order);
    } catch (RuntimeException e) {
      throw new TransformFailure(step.name(), "extracting outputs", null, e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Combine.CombineFn<Object, Object, Object> copyFn() {
    return (Combine.CombineFn<Object, Object, Object>) JavaSerialization.clone(
        step.transform().getFn(), "CombineFn of " + step.name());
  }
}
