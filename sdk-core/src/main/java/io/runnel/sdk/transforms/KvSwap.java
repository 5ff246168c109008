package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;

/** Swaps key and value of each {@code KV}: {@code KV<K, V>} becomes {@code KV<V, K>}. */
public final class KvSwap<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<V, K>>> {
  private static final long serialVersionUID = 1L;

  private KvSwap() {}

  /** A {@code KvSwap}. */
  public static <K, V> KvSwap<K, V> create() {
    return new KvSwap<>();
  }

  @Override
  public PCollection<KV<V, K>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> coder = GroupByKey.kvCoderOf(input, "KvSwap");
    return input.apply(ParDo.of(new SwapFn<K, V>()))
        .setCoder(KvCoder.of(coder.getValueCoder(), coder.getKeyCoder()));
  }

  private static final class SwapFn<K, V> extends DoFn<KV<K, V>, KV<V, K>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<K, V> element, OutputReceiver<KV<V, K>> out) {
      out.output(KV.of(element.getValue(), element.getKey()));
    }
  }
}
