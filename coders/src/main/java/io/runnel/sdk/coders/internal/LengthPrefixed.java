package io.runnel.sdk.coders.internal;

import io.runnel.sdk.coders.CoderException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Byte strings framed by a {@link VarInt} length, the shape of every variable-size atomic
 * encoding (strings, byte arrays, serialized objects). Stateless and thread-safe.
 */
public final class LengthPrefixed {
  private LengthPrefixed() {}

  /** Writes the length of {@code bytes} as a varint, then the bytes. */
  public static void write(byte[] bytes, OutputStream out) throws IOException {
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  /**
   * Reads a length and then exactly that many bytes. Memory grows with the bytes actually read,
   * so a corrupt length cannot allocate more than the stream holds.
   *
   * @throws CoderException when the length is negative
   * @throws EOFException when the stream holds fewer bytes than the length says
   */
  public static byte[] read(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    if (length < 0) {
      throw new CoderException("malformed length prefix: " + length);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("stream ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }
}
