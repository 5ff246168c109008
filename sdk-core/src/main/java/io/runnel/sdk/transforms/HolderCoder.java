package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/** Encodes a {@link Combine.Holder}: a presence byte, then the value when present. */
final class HolderCoder<V> extends Coder<Combine.Holder<V>> {
  private static final long serialVersionUID = 1L;
  private final Coder<V> valueCoder;

  private HolderCoder(Coder<V> valueCoder) {
    this.valueCoder = valueCoder;
  }

  static <V> HolderCoder<V> of(Coder<V> valueCoder) {
    return new HolderCoder<>(valueCoder);
  }

  @Override
  public void encode(Combine.Holder<V> holder, OutputStream out) throws IOException {
    out.write(holder.present ? 1 : 0);
    if (holder.present) {
      valueCoder.encode(holder.value, out);
    }
  }

  @Override
  public Combine.Holder<V> decode(InputStream in) throws IOException {
    Combine.Holder<V> holder = new Combine.Holder<>(null);
    if (in.read() == 1) {
      holder.value = valueCoder.decode(in);
      holder.present = true;
    }
    return holder;
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
    return o instanceof HolderCoder<?> other && valueCoder.equals(other.valueCoder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(HolderCoder.class, valueCoder);
  }
}
