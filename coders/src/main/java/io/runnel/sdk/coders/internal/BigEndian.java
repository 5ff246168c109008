package io.runnel.sdk.coders.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Fixed-width big-endian integers on streams, without wrapping the stream in a {@code
 * DataOutputStream} (an object and a buffer per call). Bytes move one at a time, with no scratch
 * array: the runtime's own streams are unsynchronized, so a byte is a cheap call. Stateless and
 * thread-safe.
 */
public final class BigEndian {
  private BigEndian() {}

  /** Writes the 8 bytes of {@code value}, most significant first. */
  public static void writeLong(long value, OutputStream out) throws IOException {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  /** Writes the 4 bytes of {@code value}, most significant first. */
  public static void writeInt(int value, OutputStream out) throws IOException {
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((value >>> shift) & 0xFF);
    }
  }

  /**
   * Reads 8 bytes written by {@link #writeLong}.
   *
   * @throws EOFException when fewer than 8 bytes remain
   */
  public static long readLong(InputStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | readByte(in, i, Long.BYTES);
    }
    return value;
  }

  /**
   * Reads 4 bytes written by {@link #writeInt}.
   *
   * @throws EOFException when fewer than 4 bytes remain
   */
  public static int readInt(InputStream in) throws IOException {
    int value = 0;
    for (int i = 0; i < Integer.BYTES; i++) {
      value = (value << 8) | readByte(in, i, Integer.BYTES);
    }
    return value;
  }

  private static int readByte(InputStream in, int index, int length) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("stream ended after " + index + " of " + length + " bytes");
    }
    return b;
  }
}
