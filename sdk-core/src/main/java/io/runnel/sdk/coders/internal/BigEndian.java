package io.runnel.sdk.coders.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Fixed-width big-endian integers on streams, without wrapping the stream in a
 * {@code DataOutputStream}. Each call moves its bytes with one bulk {@code write}/{@code read}
 * through a small local array: one virtual call instead of eight, and the array never escapes the
 * call, so the JIT can usually keep it off the heap. Stateless and thread-safe.
 */
public final class BigEndian {
  private BigEndian() {}

  /** Writes the 8 bytes of {@code value}, most significant first. */
  public static void writeLong(long value, OutputStream out) throws IOException {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    out.write(bytes, 0, Long.BYTES);
  }

  /** Writes the 4 bytes of {@code value}, most significant first. */
  public static void writeInt(int value, OutputStream out) throws IOException {
    byte[] bytes = new byte[Integer.BYTES];
    for (int i = Integer.BYTES - 1; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    out.write(bytes, 0, Integer.BYTES);
  }

  /**
   * Reads 8 bytes written by {@link #writeLong}.
   *
   * @throws EOFException when fewer than 8 bytes remain
   */
  public static long readLong(InputStream in) throws IOException {
    byte[] bytes = readExactly(in, Long.BYTES);
    long value = 0;
    for (byte b : bytes) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }

  /**
   * Reads 4 bytes written by {@link #writeInt}.
   *
   * @throws EOFException when fewer than 4 bytes remain
   */
  public static int readInt(InputStream in) throws IOException {
    byte[] bytes = readExactly(in, Integer.BYTES);
    int value = 0;
    for (byte b : bytes) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    int read = in.readNBytes(bytes, 0, length);
    if (read != length) {
      throw new EOFException("stream ended after " + read + " of " + length + " bytes");
    }
    return bytes;
  }
}
