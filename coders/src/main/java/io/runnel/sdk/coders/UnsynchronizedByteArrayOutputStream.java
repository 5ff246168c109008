package io.runnel.sdk.coders;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link java.io.ByteArrayOutputStream} without its locks: that class synchronizes every
 * {@code write(int)}, and coders write byte by byte (var-ints), so encoding paid an atomic
 * operation per byte. Not thread-safe; a coder call owns its stream.
 */
final class UnsynchronizedByteArrayOutputStream extends OutputStream {
  private byte[] buffer;
  private int count;

  UnsynchronizedByteArrayOutputStream(int initialCapacity) {
    buffer = new byte[initialCapacity];
  }

  @Override
  public void write(int b) {
    if (count == buffer.length) {
      grow(count + 1);
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, source.length);
    if (count + length > buffer.length) {
      grow(count + length);
    }
    System.arraycopy(source, offset, buffer, count, length);
    count += length;
  }

  private void grow(int needed) {
    if (needed < 0) {
      throw new OutOfMemoryError("Encoding exceeds the largest byte array");
    }
    int doubled = buffer.length * 2;
    int capacity = doubled - needed < 0 || doubled < 0 ? needed : doubled;
    buffer = Arrays.copyOf(buffer, capacity);
  }

  int size() {
    return count;
  }

  int capacity() {
    return buffer.length;
  }

  /** Forgets what was written, keeping the buffer. */
  void reset() {
    count = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, count);
  }
}
