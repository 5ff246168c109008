package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Encodes a {@link java.time.Duration} without loss: its seconds as a varint (10 bytes when
 * negative), then its nanosecond adjustment (0 to 999,999,999) as a varint, a single zero byte
 * for whole seconds. Deterministic and consistent with equals. Null is rejected.
 */
public final class DurationCoder extends AtomicCoder<Duration> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final DurationCoder INSTANCE = new DurationCoder();
  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private DurationCoder() {}

  /** The shared instance. */
  public static DurationCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Duration value, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(value, this);
    VarInt.encode(value.getSeconds(), out);
    VarInt.encode(value.getNano(), out);
  }

  @Override
  public Duration decode(InputStream in) throws IOException {
    long seconds = VarInt.decodeLong(in);
    int nanos = VarInt.decodeInt(in);
    if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
      throw new CoderException(this + " cannot decode nanosecond adjustment " + nanos
          + ": expected 0 to 999999999");
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
