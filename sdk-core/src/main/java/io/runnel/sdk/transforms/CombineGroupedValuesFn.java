package io.runnel.sdk.transforms;

import io.runnel.sdk.values.KV;

/** Combines the values of each grouped element with a {@code CombineFn}. */
final class CombineGroupedValuesFn<K, InputT, OutputT>
    extends DoFn<KV<K, ? extends Iterable<InputT>>, KV<K, OutputT>> {
  private static final long serialVersionUID = 1L;
  private final Combine.CombineFn<InputT, ?, OutputT> fn;

  CombineGroupedValuesFn(Combine.CombineFn<InputT, ?, OutputT> fn) {
    this.fn = fn;
  }

  @ProcessElement
  public void process(@Element KV<K, ? extends Iterable<InputT>> element, OutputReceiver<KV<K, OutputT>> out) {
    out.output(KV.of(element.getKey(), fn.apply(element.getValue())));
  }
}
