package io.runnel.sdk.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Short} in two bytes, big-endian, as Beam's coder of that name. Deterministic
 * and consistent with equals. Null is rejected.
 */
public final class BigEndianShortCoder extends AtomicCoder<Short> {
  private static final long serialVersionUID = 1L;
  private static final BigEndianShortCoder INSTANCE = new BigEndianShortCoder();

  private BigEndianShortCoder() {}

  /** The shared instance. */
  public static BigEndianShortCoder of() {
    return INSTANCE;
  }

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public void encode(Short value, OutputStream out) throws IOException {
    new DataOutputStream(out).writeShort(CoderPreconditions.checkNotNull(value, this));
  }

  @Override
  public Short decode(InputStream in) throws IOException {
    try {
      return new DataInputStream(in).readShort();
    } catch (EOFException e) {
      throw new EOFException("stream ended before the two bytes of a Short");
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
