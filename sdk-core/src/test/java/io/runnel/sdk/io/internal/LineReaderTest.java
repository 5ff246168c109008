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
