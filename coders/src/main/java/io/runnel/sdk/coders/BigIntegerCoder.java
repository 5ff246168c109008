package io.runnel.sdk.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;

/**
 * Encodes a {@link BigInteger} as its two's-complement bytes ({@link BigInteger#toByteArray()}),
 * length-prefixed by {@link ByteArrayCoder}, as Beam's coder of that name. Deterministic and
 * consistent with equals. Null is rejected.
 */
public final class BigIntegerCoder extends AtomicCoder<BigInteger> {
  private static final long serialVersionUID = 1L;
  private static final BigIntegerCoder INSTANCE = new BigIntegerCoder();

  private BigIntegerCoder() {}

  /** The shared instance. */
  public static BigIntegerCoder of() {
    return INSTANCE;
  }

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public void encode(BigInteger value, OutputStream out) throws IOException {
    ByteArrayCoder.of().encode(CoderPreconditions.checkNotNull(value, this).toByteArray(), out);
  }

  @Override
  public BigInteger decode(InputStream in) throws IOException {
    byte[] bytes = ByteArrayCoder.of().decode(in);
    if (bytes.length == 0) {
      throw new CoderException(this + " cannot decode a BigInteger of no bytes");
    }
    return new BigInteger(bytes);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
