package io.runnel.runners.direct.internal;

import io.runnel.runners.core.CombiningTable;
import io.runnel.runners.core.GroupOrder;
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
 */
final class CombineSink extends RootSink<CombiningTable<Object, Object, Object, Object>> {
  private final Step.CombineStep step;
  private final Coder<Object> keyCoder;
  private final CombiningTable<Object, Object, Object, Object> table;

  private final GroupOrder order;

  @SuppressWarnings("unchecked")
  CombineSink(Step.CombineStep step, GroupOrder order) {
    this.step = step;
    this.order = order;
    this.keyCoder = ((KvCoder<Object, Object>) step.input().getCoder()).getKeyCoder();
    this.table = new CombiningTable<>(keyCoder, copyFn(), step.input().getWindowingStrategy());
  }

  @Override
  Supplier<CombiningTable<Object, Object, Object, Object>> localFactory() {
    Combine.CombineFn<Object, Object, Object> fn = copyFn();
    PCollection<?> input = step.input();
    return () -> new CombiningTable<>(keyCoder, fn, input.getWindowingStrategy());
  }

  @Override
  @SuppressWarnings("unchecked")
  void add(CombiningTable<Object, Object, Object, Object> local, WindowedValue<?> value) {
    try {
      local.add((WindowedValue<KV<Object, Object>>) value);
    } catch (RuntimeException e) {
      throw new TransformFailure(step.name(), "adding", value.getValue(), e);
    }
  }

  @Override
  void commit(CombiningTable<Object, Object, Object, Object> local) {
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
