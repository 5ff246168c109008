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
 * line and the empty input none. A UTF-8 byte-order mark at the start of the file is dropped.
 *
 * <p>The input may start anywhere in a file ({@link #LineReader(InputStream, long)}); the reader
 * tracks byte offsets in the file, so a caller can ask where the next line starts ({@link
 * #nextLineStart()}) before reading it, and skip the rest of a line it started inside ({@link
 * #skipLine()}). A line starts at offset 0 or right after a terminator; the first line of a file
 * starts at 0 even when a byte-order mark precedes its text. The bytes of a terminator are never
 * the start of a line: after {@code \r}, a {@code \n} is looked at before the next line start is
 * known.
 *
 * <p>Lines are split on bytes, then decoded (neither {@code \r} nor {@code \n} occurs inside a
 * multi-byte UTF-8 sequence), so a malformed byte sequence is reported with the number and byte
 * offset of the line holding it. Holds at most one line in memory besides a fixed buffer. Not
 * thread-safe.
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
  /** Whether the input starts at offset 0 and has not been read yet (a byte-order mark may come). */
  private boolean atFileStart;
  /** The file offset of {@code buffer[position]}. */
  private long offset;
  /** Where the next line starts: the initial position, or the offset after the last terminator. */
  private long lineStart;
  /** The last terminator read was {@code \r}: a {@code \n} right after it belongs to it. */
  private boolean afterCarriageReturn;
  private long linesRead;

  /** Reads the lines of a whole file (or stream) from its first byte. */
  public LineReader(InputStream in) {
    this(in, 0);
  }

  /**
   * Reads lines from {@code in}, whose first byte is at {@code position} of a file; at position 0
   * a byte-order mark is dropped.
   */
  public LineReader(InputStream in, long position) {
    this.in = in;
    this.offset = position;
    this.lineStart = position;
    this.atFileStart = position == 0;
  }

  /**
   * The byte offset in the file where the next line starts, or -1 at the end of the input.
   * Reads ahead as far as needed to know (the {@code \n} of a {@code \r\n}, one buffer).
   */
  public long nextLineStart() throws IOException {
    if (afterCarriageReturn) {
      if (position == limit && !fill()) {
        return -1;
      }
      afterCarriageReturn = false;
      if (buffer[position] == '\n') {
        position++;
        offset++;
        lineStart = offset;
      }
    }
    if (position == limit && !fill()) {
      return -1;
    }
    return lineStart;
  }

  /**
   * The next line, or null at the end of the input.
   *
   * @throws MalformedLineException if the line is not valid UTF-8
   */
  public String readLine() throws IOException {
    long start = nextLineStart();
    if (start < 0) {
      return null;
    }
    lineLength = 0;
    scanLine(true);
    linesRead++;
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, lineLength));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new MalformedLineException(linesRead, start, e);
    }
  }

  /**
   * Skips the rest of the current line, its terminator included, without decoding it (so it may
   * start in the middle of a character); does nothing at the end of the input. Not counted in
   * {@link #linesRead()}.
   */
  public void skipLine() throws IOException {
    if (nextLineStart() >= 0) {
      scanLine(false);
    }
  }

  /** Reads up to and including the next terminator (or the end), keeping the bytes if asked. */
  private void scanLine(boolean keep) throws IOException {
    while (position < limit || fill()) {
      int end = position;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      if (keep) {
        append(position, end);
      }
      offset += end - position;
      position = end;
      if (end < limit) {
        afterCarriageReturn = buffer[end] == '\r';
        position++;
        offset++;
        break;
      }
    }
    lineStart = offset;
  }

  /** How many lines {@link #readLine()} returned so far: the number of the last line read. */
  public long linesRead() {
    return linesRead;
  }

  private void append(int from, int to) {
    int length = to - from;
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    System.arraycopy(buffer, from, line, lineLength, length);
    lineLength += length;
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
    if (atFileStart) {
      atFileStart = false;
      skipByteOrderMark();
    }
    return position < limit || fill();
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

    /** The number of the line among those this reader read, from 1. */
    public long lineNumber() {
      return lineNumber;
    }

    /** The offset in the file of the line's first byte. */
    public long byteOffset() {
      return byteOffset;
    }

    @Override
    public String getMessage() {
      return "line " + lineNumber + " (starting at byte offset " + byteOffset + ") is not valid UTF-8";
    }
  }
}
