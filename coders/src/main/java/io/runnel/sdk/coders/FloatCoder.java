package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.BigEndian;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Float} as the 4 big-endian bytes of {@link Float#floatToIntBits} (so every NaN
 * encodes alike). Consistent with {@link Float#equals}, but, as in Beam, not declared
 * deterministic. Null is rejected.
 */
public final class FloatCoder extends AtomicCoder<Float> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final FloatCoder INSTANCE = new FloatCoder();

  private FloatCoder() {}

  /** The shared instance. */
  public static FloatCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Float value, OutputStream out) throws IOException {
    BigEndian.writeInt(Float.floatToIntBits(CoderPreconditions.checkNotNull(value, this)), out);
  }

  @Override
  public Float decode(InputStream in) throws IOException {
    return Float.intBitsToFloat(BigEndian.readInt(in));
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
