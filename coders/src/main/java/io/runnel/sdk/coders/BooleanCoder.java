package io.runnel.sdk.coders;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Boolean} as one byte, 1 for true and 0 for false; any other byte fails to
 * decode. Deterministic and consistent with equals. Null is rejected.
 */
public final class BooleanCoder extends AtomicCoder<Boolean> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final BooleanCoder INSTANCE = new BooleanCoder();

  private BooleanCoder() {}

  /** The shared instance. */
  public static BooleanCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Boolean value, OutputStream out) throws IOException {
    out.write(CoderPreconditions.checkNotNull(value, this) ? 1 : 0);
  }

  @Override
  public Boolean decode(InputStream in) throws IOException {
    int b = in.read();
    switch (b) {
      case 0:
        return Boolean.FALSE;
      case 1:
        return Boolean.TRUE;
      case -1:
        throw new EOFException("stream ended before the byte of a Boolean");
      default:
        throw new CoderException(this + " cannot decode byte " + b + ": expected 0 or 1");
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
