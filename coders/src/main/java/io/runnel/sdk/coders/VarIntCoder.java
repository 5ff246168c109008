package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes an {@link Integer} as a varint: 1 byte for 0..127, up to 5 bytes; negative values always
 * take 5 bytes (use {@link BigEndianIntegerCoder} when they are common). Deterministic and
 * consistent with equals. Null is rejected.
 */
public final class VarIntCoder extends AtomicCoder<Integer> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final VarIntCoder INSTANCE = new VarIntCoder();

  private VarIntCoder() {}

  /** The shared instance. */
  public static VarIntCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Integer value, OutputStream out) throws IOException {
    VarInt.encode(CoderPreconditions.checkNotNull(value, this).intValue(), out);
  }

  @Override
  public Integer decode(InputStream in) throws IOException {
    return VarInt.decodeInt(in);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
