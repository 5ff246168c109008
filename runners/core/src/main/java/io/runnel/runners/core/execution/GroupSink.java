package io.runnel.runners.core.execution;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.GroupingTable;
import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The state of a GroupByKey: bundles group locally, commits merge the groups in order. */
final class GroupSink extends RootSink<GroupingTable<Object, Object>> {
  private final String name;
  private final Coder<Object> keyCoder;
  private final PCollection<?> input;
  private final GroupingTable<Object, Object> table;

  private final GroupOrder order;

  @SuppressWarnings("unchecked")
  GroupSink(String name, PCollection<?> input, GroupOrder order) {
    this.name = name;
    this.input = input;
    this.order = order;
    this.keyCoder = ((KvCoder<Object, Object>) input.getCoder()).getKeyCoder();
    this.table = new GroupingTable<>(keyCoder, input.getWindowingStrategy());
  }

  @Override
  Supplier<GroupingTable<Object, Object>> localFactory() {
    return () -> new GroupingTable<>(keyCoder, input.getWindowingStrategy());
  }

  @Override
  @SuppressWarnings("unchecked")
  void add(GroupingTable<Object, Object> local, WindowedValue<?> value) {
    try {
      local.add((WindowedValue<KV<Object, Object>>) value);
    } catch (RuntimeException e) {
      // The key coder's encoding failed (keys are grouped by it): the grouping's failure, not
      // the upstream DoFn's that output the element.
      throw new TransformFailure(name, "grouping (key coder " + keyCoder + ")", value.getValue(),
          e);
    }
  }

  @Override
  void commit(GroupingTable<Object, Object> local) {
    table.mergeFrom(local);
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
      throw new IllegalStateException(name + ": the batch path of a grouping keeps its groups on"
          + " the heap and cannot be snapshot; a checkpointing runner plans groupings on the"
          + " keyed engine instead");
    }
    return null;
  }

  @Override
  Instant hold() {
    return table.size() > 0 ? BoundedWindow.TIMESTAMP_MIN_VALUE : null;
  }

  /** The groups, once the input is complete. */
  List<WindowedValue<?>> fire(GroupOrder order) {
    List<WindowedValue<?>> out = new ArrayList<>(table.size());
    table.fireAll(out::add, order);
    return out;
  }
}
