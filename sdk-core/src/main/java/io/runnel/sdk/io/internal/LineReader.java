package io.runnel.sdk.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits UTF-8 bytes into lines, streaming: a line ends at {@code \n}, {@code \r\n} or a lone
 * {@code \r}, and the terminator is not part of the line. A final line without terminator is a
 * line; a terminator at the very end does not start another (empty) line, so {@code "a\n"} is one
 * line and the empty input none. A UTF-8 byte-order mark at the start is dropped.
 *
 * <p>Lines are split on bytes, then decoded, so a malformed byte sequence is reported with the
 * number and byte offset of the line holding it. Holds at most one line in memory besides a
 * fixed buffer. Not thread-safe.
 */
public final class LineReader implements Closeable {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[256];
  private int lineLength;
  private int position;
  private int limit;
  private boolean skipLineFeed;
  private boolean started;
  private long offset;
  private long lineOffset;
  private long linesRead;

  public LineReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next line, or null at the end of the input.
   *
   * @throws MalformedLineException if the line is not valid UTF-8
   */
  public String readLine() throws IOException {
    lineLength = 0;
    boolean sawAny = false;
    while (true) {
      if (position == limit && !fill()) {
        return sawAny ? finishLine() : null;
      }
      byte b = buffer[position++];
      offset++;
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == '\n') {
          lineOffset = offset;
          continue;
        }
      }
      if (b == '\n') {
        return finishLine();
      }
      if (b == '\r') {
        skipLineFeed = true;
        return finishLine();
      }
      append(b);
      sawAny = true;
    }
  }

  /** How many lines {@link #readLine()} returned so far: the number of the last line read. */
  public long linesRead() {
    return linesRead;
  }

  private String finishLine() throws MalformedLineException {
    linesRead++;
    long start = lineOffset;
    lineOffset = offset;
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, lineLength));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new MalformedLineException(linesRead, start, e);
    }
  }

  private void append(byte b) {
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, line.length * 2);
    }
    line[lineLength++] = b;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    return true;
  }

  private void skipByteOrderMark() throws IOException {
    while (limit < BYTE_ORDER_MARK.length) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        break;
      }
      limit += n;
    }
    if (limit >= BYTE_ORDER_MARK.length
        && Arrays.equals(buffer, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
      position = BYTE_ORDER_MARK.length;
      offset = BYTE_ORDER_MARK.length;
      lineOffset = offset;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A line that is not valid UTF-8; says which line (from 1) and at which byte offset it starts. */
  public static final class MalformedLineException extends CharacterCodingException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final long byteOffset;

    MalformedLineException(long lineNumber, long byteOffset, CharacterCodingException cause) {
      this.lineNumber = lineNumber;
      this.byteOffset = byteOffset;
      initCause(cause);
    }

    public long lineNumber() {
      return lineNumber;
    }

    public long byteOffset() {
      return byteOffset;
    }

    @Override
    public String getMessage() {
      return "line " + lineNumber + " (starting at byte offset " + byteOffset + ") is not valid UTF-8";
    }
  }
}
