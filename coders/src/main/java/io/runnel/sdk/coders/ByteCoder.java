package io.runnel.sdk.coders;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Encodes a {@link Byte} as itself. Deterministic and consistent with equals. Null is rejected. */
public final class ByteCoder extends AtomicCoder<Byte> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final ByteCoder INSTANCE = new ByteCoder();

  private ByteCoder() {}

  /** The shared instance. */
  public static ByteCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Byte value, OutputStream out) throws IOException {
    out.write(CoderPreconditions.checkNotNull(value, this));
  }

  @Override
  public Byte decode(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("stream ended before the byte of a Byte");
    }
    return (byte) b;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
