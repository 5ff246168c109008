package io.runnel.sdk.transforms.join;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes a {@link RawUnionValue}: its union tag as a varint, then its value with the coder at
 * that index. Deterministic when every element coder is.
 */
public final class UnionCoder extends Coder<RawUnionValue> {
  private static final long serialVersionUID = 1L;
  private final List<Coder<?>> elementCoders;

  private UnionCoder(List<Coder<?>> elementCoders) {
    this.elementCoders = List.copyOf(elementCoders);
  }

  /** A coder of union values whose tag {@code i} is encoded with {@code elementCoders.get(i)}. */
  public static UnionCoder of(List<Coder<?>> elementCoders) {
    return new UnionCoder(elementCoders);
  }

  public List<Coder<?>> getElementCoders() {
    return elementCoders;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void encode(RawUnionValue union, OutputStream out) throws IOException {
    int index = union.getUnionTag();
    VarInt.encode(index, out);
    ((Coder<Object>) coderAt(index)).encode(union.getValue(), out);
  }

  @Override
  public RawUnionValue decode(InputStream in) throws IOException {
    int index = VarInt.decodeInt(in);
    return new RawUnionValue(index, coderAt(index).decode(in));
  }

  private Coder<?> coderAt(int index) throws CoderException {
    if (index < 0 || index >= elementCoders.size()) {
      throw new CoderException("union tag " + index + " is out of range for " + this);
    }
    return elementCoders.get(index);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return elementCoders;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "all element coders must be deterministic", elementCoders);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnionCoder other && elementCoders.equals(other.elementCoders);
  }

  @Override
  public int hashCode() {
    return elementCoders.hashCode();
  }
}
