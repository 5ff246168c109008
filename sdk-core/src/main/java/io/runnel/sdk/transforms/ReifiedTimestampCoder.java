package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.InstantCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/** Encodes a {@link ReifiedTimestamp}: the value, then the timestamp. */
final class ReifiedTimestampCoder<V> extends Coder<ReifiedTimestamp<V>> {
  private static final long serialVersionUID = 1L;
  private final Coder<V> valueCoder;

  private ReifiedTimestampCoder(Coder<V> valueCoder) {
    this.valueCoder = valueCoder;
  }

  static <V> ReifiedTimestampCoder<V> of(Coder<V> valueCoder) {
    return new ReifiedTimestampCoder<>(valueCoder);
  }

  @Override
  public void encode(ReifiedTimestamp<V> value, OutputStream out) throws IOException {
    valueCoder.encode(value.value(), out);
    InstantCoder.of().encode(value.timestamp(), out);
  }

  @Override
  public ReifiedTimestamp<V> decode(InputStream in) throws IOException {
    V value = valueCoder.decode(in);
    return new ReifiedTimestamp<>(value, InstantCoder.of().decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the value coder must be deterministic", valueCoder);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReifiedTimestampCoder<?> other && valueCoder.equals(other.valueCoder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), valueCoder);
  }
}
