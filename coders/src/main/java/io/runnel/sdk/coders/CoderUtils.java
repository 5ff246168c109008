package io.runnel.sdk.coders;

import java.io.IOException;

/** Encoding to and from byte arrays. */
public final class CoderUtils {
  private CoderUtils() {}

  /**
   * Per thread, a buffer to encode into before copying the exact bytes out: one allocation per
   * encoding instead of three. A nested call (a coder that encodes a part to bytes itself) gets
   * a fresh buffer; a buffer grown past {@link #SCRATCH_LIMIT} is not kept.
   */
  private static final ThreadLocal<UnsynchronizedByteArrayOutputStream[]> SCRATCH =
      ThreadLocal.withInitial(() -> new UnsynchronizedByteArrayOutputStream[1]);

  private static final int SCRATCH_LIMIT = 1 << 16;

  /** Encodes {@code value} to a fresh byte array. */
  public static <T> byte[] encodeToByteArray(Coder<T> coder, T value) throws CoderException {
    UnsynchronizedByteArrayOutputStream[] slot = SCRATCH.get();
    UnsynchronizedByteArrayOutputStream out = slot[0];
    slot[0] = null;
    if (out == null) {
      out = new UnsynchronizedByteArrayOutputStream(64);
    }
    try {
      coder.encode(value, out);
      return out.toByteArray();
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException("Unexpected I/O error encoding with " + coder, e);
    } finally {
      if (out.capacity() <= SCRATCH_LIMIT) {
        out.reset();
        slot[0] = out;
      }
    }
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
