package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.BigEndian;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Double} as the 8 big-endian bytes of {@link Double#doubleToLongBits} (so every
 * NaN encodes alike). Consistent with {@link Double#equals}, but, as in Beam, not declared
 * deterministic: floating-point values computed on different machines or paths may differ in the
 * last bits, so they make poor grouping keys. Null is rejected.
 */
public final class DoubleCoder extends AtomicCoder<Double> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final DoubleCoder INSTANCE = new DoubleCoder();

  private DoubleCoder() {}

  /** The shared instance. */
  public static DoubleCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Double value, OutputStream out) throws IOException {
    BigEndian.writeLong(Double.doubleToLongBits(CoderPreconditions.checkNotNull(value, this)), out);
  }

  @Override
  public Double decode(InputStream in) throws IOException {
    return Double.longBitsToDouble(BigEndian.readLong(in));
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this,
        "floating point encodings are not guaranteed to be deterministic");
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
