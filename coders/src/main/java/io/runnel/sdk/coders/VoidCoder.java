package io.runnel.sdk.coders;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes the only {@link Void} value, null, as zero bytes. Deterministic and consistent with
 * equals.
 */
public final class VoidCoder extends AtomicCoder<Void> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final VoidCoder INSTANCE = new VoidCoder();

  private VoidCoder() {}

  /** The shared instance. */
  public static VoidCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Void value, OutputStream out) {}

  @Override
  public Void decode(InputStream in) {
    return null;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
