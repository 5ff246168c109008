package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;

/** The value of each {@code KV}: {@code PCollection<KV<K, V>>} to {@code PCollection<V>}. */
public final class Values<V> extends PTransform<PCollection<? extends KV<?, V>>, PCollection<V>> {
  private static final long serialVersionUID = 1L;

  private Values() {}

  public static <V> Values<V> create() {
    return new Values<>();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PCollection<V> expand(PCollection<? extends KV<?, V>> input) {
    KvCoder<?, V> coder = GroupByKey.kvCoderOf((PCollection) input, "Values");
    return input.apply(ParDo.of(new ValueFn<V>())).setCoder(coder.getValueCoder());
  }

  private static final class ValueFn<V> extends DoFn<KV<?, V>, V> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<?, V> element, OutputReceiver<V> out) {
      out.output(element.getValue());
    }
  }
}
