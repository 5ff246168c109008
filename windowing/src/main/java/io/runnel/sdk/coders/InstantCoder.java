package io.runnel.sdk.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
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
    DataOutputStream data = new DataOutputStream(out);
    long millis = value.getEpochSecond() * 1000 + value.getNano() / 1_000_000;
    int subMilliNanos = value.getNano() % 1_000_000;
    data.writeLong(millis ^ Long.MIN_VALUE);
    if (subMilliNanos == 0) {
      data.writeByte(0);
    } else {
      data.writeByte(1);
      data.writeInt(subMilliNanos);
    }
  }

  @Override
  public Instant decode(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    Instant millis = Instant.ofEpochMilli(data.readLong() ^ Long.MIN_VALUE);
    return data.readByte() == 0 ? millis : millis.plusNanos(data.readInt());
  }
}
