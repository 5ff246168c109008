package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.BigEndian;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes an {@link Integer} as its 4 bytes, most significant first. Deterministic and consistent
 * with equals. Null is rejected.
 */
public final class BigEndianIntegerCoder extends AtomicCoder<Integer> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final BigEndianIntegerCoder INSTANCE = new BigEndianIntegerCoder();

  private BigEndianIntegerCoder() {}

  /** The shared instance. */
  public static BigEndianIntegerCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Integer value, OutputStream out) throws IOException {
    BigEndian.writeInt(CoderPreconditions.checkNotNull(value, this), out);
  }

  @Override
  public Integer decode(InputStream in) throws IOException {
    return BigEndian.readInt(in);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
