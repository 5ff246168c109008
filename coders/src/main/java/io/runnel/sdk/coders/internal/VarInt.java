package io.runnel.sdk.coders.internal;

import io.runnel.sdk.coders.CoderException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Variable-length integers on streams: little-endian groups of 7 bits, the high bit of each byte
 * set while more bytes follow (protobuf's unsigned varint). Values are taken as unsigned, so a
 * negative {@code int} takes 5 bytes and a negative {@code long} 10; small non-negative values take
 * one byte.
 *
 * <p>Bytes are written one {@code write(int)} at a time, without a scratch array: the runtime's
 * own streams ({@code CoderUtils}, the direct runner's checks) are unsynchronized, and a fresh
 * array per multi-byte value was a measurable share of all allocation. Stateless and
 * thread-safe.
 */
public final class VarInt {
  private static final int MAX_INT_BYTES = 5;
  private static final int MAX_LONG_BYTES = 10;

  private VarInt() {}

  /** Writes {@code value}, taken as unsigned 32 bits: 1 to 5 bytes. */
  public static void encode(int value, OutputStream out) throws IOException {
    encode(value & 0xFFFF_FFFFL, out);
  }

  /** Writes {@code value}, taken as unsigned 64 bits: 1 to 10 bytes. */
  public static void encode(long value, OutputStream out) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  /**
   * Reads a varint written by {@link #encode(int, OutputStream)}.
   *
   * @throws EOFException when the stream ends before the last byte of the varint
   * @throws CoderException when the varint is longer than 5 bytes
   */
  public static int decodeInt(InputStream in) throws IOException {
    int result = 0;
    for (int i = 0; i < MAX_INT_BYTES; i++) {
      int b = readByte(in);
      result |= (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new CoderException("malformed varint: more than " + MAX_INT_BYTES + " bytes for an int");
  }

  /**
   * Reads a varint written by {@link #encode(long, OutputStream)}.
   *
   * @throws EOFException when the stream ends before the last byte of the varint
   * @throws CoderException when the varint is longer than 10 bytes
   */
  public static long decodeLong(InputStream in) throws IOException {
    long result = 0;
    for (int i = 0; i < MAX_LONG_BYTES; i++) {
      int b = readByte(in);
      result |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new CoderException("malformed varint: more than " + MAX_LONG_BYTES + " bytes for a long");
  }

  /** The number of bytes {@link #encode(long, OutputStream)} writes for {@code value}. */
  public static int getLength(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value);
    return Math.max(1, (bits + 6) / 7);
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("stream ended inside a varint");
    }
    return b;
  }
}
