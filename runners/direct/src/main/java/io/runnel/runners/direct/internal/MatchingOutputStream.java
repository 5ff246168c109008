package io.runnel.runners.direct.internal;

import java.io.OutputStream;

/**
 * An output stream that, instead of collecting bytes, checks that they are exactly the bytes of
 * an earlier encoding: the immutability check re-encodes every element, and comparing as it
 * writes spares a buffer and a copy per element. Not thread-safe; one check owns it.
 */
final class MatchingOutputStream extends OutputStream {
  private final byte[] expected;
  private int position;
  private boolean mismatch;

  MatchingOutputStream(byte[] expected) {
    this.expected = expected;
  }

  @Override
  public void write(int b) {
    if (mismatch || position >= expected.length || expected[position] != (byte) b) {
      mismatch = true;
      return;
    }
    position++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (mismatch || length > expected.length - position) {
      mismatch = true;
      return;
    }
    for (int i = 0; i < length; i++) {
      if (expected[position + i] != bytes[offset + i]) {
        mismatch = true;
        return;
      }
    }
    position += length;
  }

  /** Whether everything written so far equals the whole expected encoding. */
  boolean matchedAll() {
    return !mismatch && position == expected.length;
  }
}
