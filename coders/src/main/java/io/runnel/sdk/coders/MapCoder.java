package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a {@link Map} as its size then each entry's key and value, in iteration order; decodes
 * to a mutable {@link LinkedHashMap} that keeps that order. Never deterministic, as in Beam: equal
 * maps may iterate, and so encode, in different orders. For the same reason not consistent with
 * equals, but {@link #structuralValue} is order-independent: equal maps have equal structural
 * values. The map must not be null; whether keys and values may be depends on their coders.
 */
public final class MapCoder<K, V> extends StructuredCoder<Map<K, V>> {
  private static final long serialVersionUID = 1L;
  private static final int MAX_PREALLOCATED = 1 << 12;

  private final Coder<K> keyCoder;
  private final Coder<V> valueCoder;

  private MapCoder(Coder<K> keyCoder, Coder<V> valueCoder) {
    this.keyCoder = keyCoder;
    this.valueCoder = valueCoder;
  }

  /** A coder for {@code Map<K, V>} from the coders of its keys and values. */
  public static <K, V> MapCoder<K, V> of(Coder<K> keyCoder, Coder<V> valueCoder) {
    return new MapCoder<>(CoderPreconditions.checkArgumentNotNull(keyCoder, "keyCoder"),
        CoderPreconditions.checkArgumentNotNull(valueCoder, "valueCoder"));
  }

  public Coder<K> getKeyCoder() {
    return keyCoder;
  }

  public Coder<V> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(Map<K, V> map, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(map, this);
    int size = map.size();
    VarInt.encode(size, out);
    int written = 0;
    for (Map.Entry<K, V> entry : map.entrySet()) {
      keyCoder.encode(entry.getKey(), out);
      valueCoder.encode(entry.getValue(), out);
      written++;
    }
    if (written != size) {
      throw new CoderException(this + " wrote " + written + " entries of a map whose size() is " + size
          + ": was it modified concurrently?");
    }
  }

  @Override
  public Map<K, V> decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 0) {
      throw new CoderException(this + " cannot decode entry count " + size);
    }
    Map<K, V> map = new LinkedHashMap<>(Math.min(size, MAX_PREALLOCATED) * 4 / 3 + 1);
    for (int i = 0; i < size; i++) {
      K key = keyCoder.decode(in);
      map.put(key, valueCoder.decode(in));
    }
    return map;
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this,
        "the iteration order of a Map, and so its encoding, is not deterministic");
  }

  @Override
  public Object structuralValue(Map<K, V> map) {
    if (keyCoder.consistentWithEquals() && valueCoder.consistentWithEquals()) {
      return map;
    }
    Map<Object, Object> structural = new HashMap<>();
    for (Map.Entry<K, V> entry : map.entrySet()) {
      structural.put(keyCoder.structuralValue(entry.getKey()), valueCoder.structuralValue(entry.getValue()));
    }
    return structural;
  }
}
