package io.runnel.sdk.coders;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Encodes an {@link Instant}: its epoch millisecond as a big-endian long shifted so that byte
 * order matches time order, then the nanoseconds within that millisecond (one zero byte when
 * there are none, the common case for event times), so no precision is lost.
 */
public final class InstantCoder extends AtomicCoder<Instant> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final InstantCoder INSTANCE = new InstantCoder();

  public static InstantCoder of() {
    return INSTANCE;
  }

  private InstantCoder() {}

  @Override
  public void encode(Instant value, OutputStream out) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode a null Instant");
    }
    long millis = value.getEpochSecond() * 1000 + value.getNano() / 1_000_000;
    int subMilliNanos = value.getNano() % 1_000_000;
    writeBigEndian(millis ^ Long.MIN_VALUE, Long.BYTES, out);
    if (subMilliNanos == 0) {
      out.write(0);
    } else {
      out.write(1);
      writeBigEndian(subMilliNanos, Integer.BYTES, out);
    }
  }

  @Override
  public Instant decode(InputStream in) throws IOException {
    Instant millis = Instant.ofEpochMilli(readBigEndian(Long.BYTES, in) ^ Long.MIN_VALUE);
    return readByte(in) == 0 ? millis : millis.plusNanos((int) readBigEndian(Integer.BYTES, in));
  }

  // Byte by byte, without a DataOutputStream (an object and a buffer per call).
  private static void writeBigEndian(long value, int bytes, OutputStream out) throws IOException {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  private static long readBigEndian(int bytes, InputStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value = (value << 8) | readByte(in);
    }
    return value;
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("stream ended inside an Instant");
    }
    return b;
  }
}
