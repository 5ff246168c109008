package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.LengthPrefixed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@code byte[]} as its length as a varint, then its bytes. Deterministic; not
 * consistent with equals (arrays compare by identity), so {@link #structuralValue} wraps the array
 * in a {@link Coder.StructuralByteArray} without copying it. Null is rejected.
 */
public final class ByteArrayCoder extends AtomicCoder<byte[]> {
  private static final long serialVersionUID = 1L;
  private static final ByteArrayCoder INSTANCE = new ByteArrayCoder();

  private ByteArrayCoder() {}

  /** The shared instance. */
  public static ByteArrayCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(byte[] value, OutputStream out) throws IOException {
    LengthPrefixed.write(CoderPreconditions.checkNotNull(value, this), out);
  }

  @Override
  public byte[] decode(InputStream in) throws IOException {
    return LengthPrefixed.read(in);
  }

  @Override
  public boolean consistentWithEquals() {
    return false;
  }

  @Override
  public Object structuralValue(byte[] value) {
    return new StructuralByteArray(value);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
