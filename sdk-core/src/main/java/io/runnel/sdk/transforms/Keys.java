package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;

/** The key of each {@code KV}: {@code PCollection<KV<K, V>>} to {@code PCollection<K>}. */
public final class Keys<K> extends PTransform<PCollection<? extends KV<K, ?>>, PCollection<K>> {
  private static final long serialVersionUID = 1L;

  private Keys() {}

  public static <K> Keys<K> create() {
    return new Keys<>();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PCollection<K> expand(PCollection<? extends KV<K, ?>> input) {
    KvCoder<K, ?> coder = GroupByKey.kvCoderOf((PCollection) input, "Keys");
    return input.apply(ParDo.of(new KeyFn<K>())).setCoder(coder.getKeyCoder());
  }

  private static final class KeyFn<K> extends DoFn<KV<K, ?>, K> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<K, ?> element, OutputReceiver<K> out) {
      out.output(element.getKey());
    }
  }
}
