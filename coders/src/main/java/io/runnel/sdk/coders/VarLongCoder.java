package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Long} as a varint: 1 byte for 0..127, up to 10 bytes; negative values always
 * take 10 bytes (use {@link BigEndianLongCoder} when they are common). Deterministic and
 * consistent with equals. Null is rejected.
 */
public final class VarLongCoder extends AtomicCoder<Long> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final VarLongCoder INSTANCE = new VarLongCoder();

  private VarLongCoder() {}

  /** The shared instance. */
  public static VarLongCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Long value, OutputStream out) throws IOException {
    VarInt.encode(CoderPreconditions.checkNotNull(value, this).longValue(), out);
  }

  @Override
  public Long decode(InputStream in) throws IOException {
    return VarInt.decodeLong(in);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
