package io.runnel.sdk.coders;

import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link java.io.ByteArrayInputStream} without its locks: that class synchronizes every
 * {@code read()}, and coders read byte by byte (var-ints), so decoding paid an atomic operation
 * per byte. Not thread-safe; a coder call owns its stream.
 */
final class UnsynchronizedByteArrayInputStream extends InputStream {
  private final byte[] bytes;
  private int position;
  private int mark;

  UnsynchronizedByteArrayInputStream(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    int available = bytes.length - position;
    if (available <= 0) {
      return -1;
    }
    int count = Math.min(length, available);
    System.arraycopy(bytes, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, bytes.length - position));
    position += (int) skipped;
    return skipped;
  }

  @Override
  public int available() {
    return bytes.length - position;
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public void mark(int readLimit) {
    mark = position;
  }

  @Override
  public void reset() {
    position = mark;
  }
}
