package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void splitsAtLineFeedCarriageReturnAndBoth() throws IOException {
    assertThat(lines("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void finalTerminatorDoesNotStartAnEmptyLine() throws IOException {
    assertThat(lines("a\n")).containsExactly("a");
    assertThat(lines("a\r\n")).containsExactly("a");
    assertThat(lines("a\r")).containsExactly("a");
  }

  @Test
  void emptyInputHasNoLines() throws IOException {
    assertThat(lines("")).isEmpty();
  }

  @Test
  void blankLinesInTheMiddleAreKept() throws IOException {
    assertThat(lines("\n\na\r\n\r\nb\r\r")).containsExactly("", "", "a", "", "b", "");
  }

  @Test
  void decodesMultiByteCharacters() throws IOException {
    assertThat(lines("grüße\n日本語\r\n😀")).containsExactly("grüße", "日本語", "😀");
  }

  @Test
  void dropsAByteOrderMarkAtTheStartOnly() throws IOException {
    assertThat(lines("\uFEFFa\n\uFEFFb")).containsExactly("a", "\uFEFFb");
  }

  @Test
  void carriageReturnLineFeedSplitAcrossReadsIsOneTerminator() throws IOException {
    byte[] bytes = "a\r\nb".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(new OneByteAtATime(bytes))).containsExactly("a", "b");
  }

  @Test
  void linesLongerThanTheBufferAreWhole() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(lines(longLine + "\nshort")).containsExactly(longLine, "short");
  }

  @Test
  void malformedUtf8NamesTheLineAndItsByteOffset() throws IOException {
    byte[] bytes = {'o', 'k', '\r', '\n', 'b', (byte) 0xC3, '(', '\n'};
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
    assertThat(reader.readLine()).isEqualTo("ok");
    assertThatThrownBy(reader::readLine)
        .isInstanceOf(LineReader.MalformedLineException.class)
        .hasMessage("line 2 (starting at byte offset 4) is not valid UTF-8");
  }

  @Test
  void countsTheLinesRead() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)));
    reader.readLine();
    reader.readLine();
    assertThat(reader.readLine()).isNull();
    assertThat(reader.linesRead()).isEqualTo(2);
  }

  @Test
  void tellsWhereEachLineStartsBeforeReadingIt() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(
        "ab\r\n\ncd\re".getBytes(StandardCharsets.UTF_8)));
    List<Long> starts = new ArrayList<>();
    for (long at = reader.nextLineStart(); at >= 0; at = reader.nextLineStart()) {
      starts.add(at);
      reader.readLine();
    }
    assertThat(starts).containsExactly(0L, 4L, 5L, 8L);
  }

  @Test
  void firstLineStartsAtZeroEvenAfterAByteOrderMark() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(
        "\uFEFFa\nb".getBytes(StandardCharsets.UTF_8)));
    assertThat(reader.nextLineStart()).isZero();
    assertThat(reader.readLine()).isEqualTo("a");
    assertThat(reader.nextLineStart()).isEqualTo(5);
  }

  @Test
  void startingInsideAFileCountsOffsetsFromThereAndKeepsAByteOrderMark() throws IOException {
    byte[] rest = "\uFEFFx\ny".getBytes(StandardCharsets.UTF_8);
    LineReader reader = new LineReader(new ByteArrayInputStream(rest), 100);
    assertThat(reader.nextLineStart()).isEqualTo(100);
    assertThat(reader.readLine()).isEqualTo("\uFEFFx");
    assertThat(reader.nextLineStart()).isEqualTo(105);
  }

  @Test
  void skipLineSkipsPastTheTerminatorWithoutDecodingOrCounting() throws IOException {
    byte[] bytes = {(byte) 0xC3, '\r', '\n', 'o', 'k'};
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 7);
    reader.skipLine();
    assertThat(reader.nextLineStart()).isEqualTo(10);
    assertThat(reader.readLine()).isEqualTo("ok");
    assertThat(reader.linesRead()).isEqualTo(1);
  }

  @Test
  void atTheEndThereIsNoNextLine() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream("a\r".getBytes(StandardCharsets.UTF_8)));
    reader.readLine();
    assertThat(reader.nextLineStart()).isEqualTo(-1);
    reader.skipLine();
    assertThat(reader.readLine()).isNull();
  }

  private static List<String> lines(String text) throws IOException {
    return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineReader reader = new LineReader(in)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.add(line);
      }
    }
    return out;
  }

  private static final class OneByteAtATime extends InputStream {
    private final byte[] bytes;
    private int next;

    OneByteAtATime(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return next < bytes.length ? bytes[next++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (next == bytes.length) {
        return -1;
      }
      b[off] = bytes[next++];
      return 1;
    }
  }
}
