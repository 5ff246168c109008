package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.BigEndian;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Long} as its 8 bytes, most significant first. Deterministic and consistent with
 * equals. Null is rejected.
 */
public final class BigEndianLongCoder extends AtomicCoder<Long> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final BigEndianLongCoder INSTANCE = new BigEndianLongCoder();

  private BigEndianLongCoder() {}

  /** The shared instance. */
  public static BigEndianLongCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Long value, OutputStream out) throws IOException {
    BigEndian.writeLong(CoderPreconditions.checkNotNull(value, this), out);
  }

  @Override
  public Long decode(InputStream in) throws IOException {
    return BigEndian.readLong(in);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
