package io.runnel.sdk.coders;

import io.runnel.sdk.values.KV;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes a {@link KV} as its key then its value, each with its own coder. The pair itself must
 * not be null; whether its key or value may be depends on their coders. Deterministic when both
 * component coders are, and consistent with equals when both are.
 */
public final class KvCoder<K, V> extends StructuredCoder<KV<K, V>> {
  private static final long serialVersionUID = 1L;

  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;

  private KvCoder(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = keyCoder;
    this.valueCoder = valueCoder;
  }

  /** A coder for {@code KV<K, V>} from the coders of its key and value. */
  public static <K, V> KvCoder<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder) {
    return new KvCoder<>(CoderPreconditions.checkArgumentNotNull(keyCoder, "keyCoder"),
        CoderPreconditions.checkArgumentNotNull(valueCoder, "valueCoder"));
  }

  public Coder<K> getKeyCoder() {
    return keyCoder;
  }

  public Coder<V> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(KV<K, V> kv, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(kv, this);
    keyCoder.encode(kv.getKey(), out);
    valueCoder.encode(kv.getValue(), out);
  }

  @Override
  public KV<K, V> decode(InputStream in) throws IOException {
    K key = keyCoder.decode(in);
    V value = valueCoder.decode(in);
    return KV.of(key, value);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "its key coder must be deterministic", keyCoder);
    verifyDeterministic(this, "its value coder must be deterministic", valueCoder);
  }

  @Override
  public boolean consistentWithEquals() {
    return keyCoder.consistentWithEquals() && valueCoder.consistentWithEquals();
  }

  @Override
  public Object structuralValue(KV<K, V> kv) {
    if (consistentWithEquals()) {
      return kv;
    }
    return KV.of(keyCoder.structuralValue(kv.getKey()), valueCoder.structuralValue(kv.getValue()));
  }
}
