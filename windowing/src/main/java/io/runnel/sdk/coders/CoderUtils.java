package io.runnel.sdk.coders;

import java.io.IOException;

/** Encoding to and from byte arrays. */
public final class CoderUtils {
  private CoderUtils() {}

  /** Encodes {@code value} to a fresh byte array. */
  public static <T> byte[] encodeToByteArray(Coder<T> coder, T value) throws CoderException {
    UnsynchronizedByteArrayOutputStream out = new UnsynchronizedByteArrayOutputStream(32);
    try {
      coder.encode(value, out);
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("Unexpected I/O error encoding with " + coder, e);
    }
    return out.toByteArray();
  }

  /** Decodes one value from {@code bytes}; trailing bytes are an error. */
  public static <T> T decodeFromByteArray(Coder<T> coder, byte[] bytes) throws CoderException {
    UnsynchronizedByteArrayInputStream in = new UnsynchronizedByteArrayInputStream(bytes);
    T value;
    try {
      value = coder.decode(in);
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("Unexpected I/O error decoding with " + coder, e);
    }
    if (in.available() != 0) {
      throw new CoderException(coder + " left " + in.available() + " of " + bytes.length
          + " bytes unread: its decode does not match its encode");
    }
    return value;
  }

  /** Encodes and decodes {@code value}: a deep copy as the coder sees it. */
  public static <T> T clone(Coder<T> coder, T value) throws CoderException {
    return decodeFromByteArray(coder, encodeToByteArray(coder, value));
  }
}
