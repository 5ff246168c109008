package io.runnel.runners.direct.internal;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.GroupingTable;
import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The state of a GroupByKey: bundles group locally, commits merge the groups in order. */
final class GroupSink extends Sink<GroupingTable<Object, Object>> {
  private final Coder<Object> keyCoder;
  private final PCollection<?> input;
  private final GroupingTable<Object, Object> table;

  @SuppressWarnings("unchecked")
  GroupSink(PCollection<?> input) {
    this.input = input;
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
    local.add((WindowedValue<KV<Object, Object>>) value);
  }

  @Override
  void commit(GroupingTable<Object, Object> local) {
    table.mergeFrom(local);
  }

  /** The groups, once the input is complete. */
  List<WindowedValue<?>> fire(GroupOrder order) {
    List<WindowedValue<?>> out = new ArrayList<>(table.size());
    table.fireAll(out::add, order);
    return out;
  }
}
