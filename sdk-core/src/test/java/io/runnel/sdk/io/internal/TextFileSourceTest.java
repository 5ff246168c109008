package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte ranges of one text file, through their splits and readers. */
class TextFileSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  @Test
  void everyLineIsReadExactlyOnceInOrderForEverySplitSize() throws IOException {
    List<String> lines = List.of("first", "", "grüße", "κόσμε", "", "", "日本語 text", "x".repeat(70),
        "a", "last without terminator");
    String[] terminators = {"\n", "\r\n", "\r", "\n", "\r\n", "\r", "\r\n", "\n", "\r", ""};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      text.append(lines.get(i)).append(terminators[i]);
    }
    TextFileSource file = whole(write("mixed.txt", text.toString()));
    long size = file.getEstimatedSizeBytes(OPTIONS);

    for (long desired = 1; desired <= size + 2; desired++) {
      assertThat(read(file.split(desired, OPTIONS))).as("desired bundle size %s", desired)
          .isEqualTo(lines);
    }
    assertThat(read(file.split(Long.MAX_VALUE, OPTIONS))).isEqualTo(lines);
  }

  @Test
  void aLineBelongsToTheRangeHoldingItsFirstByte() throws IOException {
    Path path = write("two.txt", "abc\ndef\n");

    assertThat(read(List.of(range(path, 0, 1)))).containsExactly("abc");
    assertThat(read(List.of(range(path, 1, 4)))).isEmpty();
    assertThat(read(List.of(range(path, 1, 5)))).containsExactly("def");
    assertThat(read(List.of(range(path, 4, 5)))).containsExactly("def");
    assertThat(read(List.of(range(path, 5, 8)))).isEmpty();
  }

  @Test
  void carriageReturnLineFeedSplitAcrossABoundaryIsOneTerminator() throws IOException {
    Path path = write("crlf.txt", "a\r\nb\r\n");

    assertThat(read(List.of(range(path, 0, 2)))).containsExactly("a");
    assertThat(read(List.of(range(path, 2, 3)))).isEmpty();
    assertThat(read(List.of(range(path, 2, 6)))).containsExactly("b");
    assertThat(read(List.of(range(path, 0, 2), range(path, 2, 5), range(path, 5, 6))))
        .containsExactly("a", "b");
  }

  @Test
  void lineStartingRightAfterALoneCarriageReturnAtTheBoundaryBelongsToTheNextRange() throws IOException {
    Path path = write("cr.txt", "a\rb\rc");

    assertThat(read(List.of(range(path, 0, 2)))).containsExactly("a");
    assertThat(read(List.of(range(path, 2, 4)))).containsExactly("b");
    assertThat(read(List.of(range(path, 4, 5)))).containsExactly("c");
  }

  @Test
  void firstRangeDropsALeadingByteOrderMarkAndOwnsTheFirstLine() throws IOException {
    Path path = writeBytes("bom.txt", concat(BOM, utf8("a\n\uFEFFb\n")));

    assertThat(read(List.of(range(path, 0, 1)))).containsExactly("a");
    assertThat(read(List.of(range(path, 1, 3)))).isEmpty();
    for (long desired = 1; desired <= 12; desired++) {
      assertThat(read(whole(path).split(desired, OPTIONS))).as("desired bundle size %s", desired)
          .containsExactly("a", "\uFEFFb");
    }
  }

  @Test
  void aFileHoldingOnlyAByteOrderMarkHasNoLines() throws IOException {
    TextFileSource file = whole(writeBytes("bom-only.txt", BOM));

    assertThat(read(file.split(1, OPTIONS))).isEmpty();
  }

  @Test
  void emptyFileHasNoSplitsAndNoLines() throws IOException {
    TextFileSource file = whole(write("empty.txt", ""));

    assertThat(file.split(1, OPTIONS)).isEmpty();
    assertThat(read(List.of(file))).isEmpty();
  }

  @Test
  void emptyLinesAreLinesAndAFinalTerminatorStartsNone() throws IOException {
    TextFileSource file = whole(write("blank.txt", "\n\na\r\n\r\nb\r\r"));

    for (long desired = 1; desired <= 12; desired++) {
      assertThat(read(file.split(desired, OPTIONS))).as("desired bundle size %s", desired)
          .containsExactly("", "", "a", "", "b", "");
    }
  }

  @Test
  void lastLineWithoutTerminatorIsReadByTheRangeHoldingItsStart() throws IOException {
    Path path = write("open.txt", "one\ntwo");

    assertThat(read(List.of(range(path, 0, 4)))).containsExactly("one");
    assertThat(read(List.of(range(path, 4, 5)))).containsExactly("two");
  }

  @Test
  void aLineLongerThanTheReadBufferCrossingManyRangesIsReadOnce() throws IOException {
    String longLine = "y".repeat(200_000);
    TextFileSource file = whole(write("long.txt", "start\n" + longLine + "\nend"));

    List<TextFileSource> splits = file.split(20_000, OPTIONS);

    assertThat(splits).hasSizeGreaterThan(5);
    assertThat(read(splits)).containsExactly("start", longLine, "end");
  }

  @Test
  void splitsAreConsecutiveRangesOfTheDesiredSizeTheLastTakingASmallRemainder() throws IOException {
    TextFileSource file = whole(write("ten.txt", "0123456789"));

    assertThat(file.split(3, OPTIONS)).extracting(TextFileSource::start, TextFileSource::end)
        .containsExactly(tuple(0, 3), tuple(3, 6), tuple(6, 9), tuple(9, 10));
    assertThat(file.split(4, OPTIONS)).extracting(TextFileSource::start, TextFileSource::end)
        .containsExactly(tuple(0, 4), tuple(4, 8), tuple(8, 10));
    assertThat(file.split(9, OPTIONS)).extracting(TextFileSource::start, TextFileSource::end)
        .containsExactly(tuple(0, 10));
  }

  @Test
  void estimatedSizeIsTheLengthOfTheRange() throws IOException {
    Path path = write("sized.txt", "0123456789");

    assertThat(whole(path).getEstimatedSizeBytes(OPTIONS)).isEqualTo(10);
    assertThat(range(path, 3, 7).getEstimatedSizeBytes(OPTIONS)).isEqualTo(4);
  }

  @Test
  void gzipFileIsNotSplitAndIsReadWhole() throws IOException {
    Path path = dir.resolve("packed.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(concat(BOM, utf8("zipped 1\r\nzipped 2\n\nzipped 4")));
    }
    TextFileSource file = whole(path);

    assertThat(file.isSplittable()).isFalse();
    assertThat(file.split(1, OPTIONS)).containsExactly(file);
    assertThat(file.getEstimatedSizeBytes(OPTIONS)).isEqualTo(Files.size(path));
    assertThat(read(List.of(file))).containsExactly("zipped 1", "zipped 2", "", "zipped 4");
  }

  @Test
  void malformedUtf8InALaterRangeNamesTheFileTheLineNumberInTheFileAndItsOffset() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(utf8("ok\r\nfine\n"));
    bytes.write(new byte[] {'b', (byte) 0xC3, '(', '\n'});
    Path path = writeBytes("bad.txt", bytes.toByteArray());

    assertThatThrownBy(() -> read(whole(path).split(1, OPTIONS)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("line 3 (starting at byte offset 9) is not valid UTF-8");
  }

  @Test
  void readingAFileThatVanishedFailsNamingIt() throws IOException {
    Path path = write("gone.txt", "a\nb\n");
    List<TextFileSource> splits = whole(path).split(2, OPTIONS);
    Files.delete(path);

    assertThatThrownBy(() -> read(splits.subList(1, 2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot read " + path);
  }

  @Test
  void rejectsARangeEndingBeforeItStarts() {
    assertThatThrownBy(() -> new TextFileSource(dir.resolve("x"), 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5, 4)");
  }

  private static org.assertj.core.groups.Tuple tuple(long start, long end) {
    return org.assertj.core.groups.Tuple.tuple(start, end);
  }

  private static TextFileSource whole(Path path) throws IOException {
    return TextFileSource.wholeFile(path, Files.size(path));
  }

  private static TextFileSource range(Path path, long start, long end) {
    return new TextFileSource(path, start, end);
  }

  private Path write(String name, String text) throws IOException {
    return writeBytes(name, utf8(text));
  }

  private Path writeBytes(String name, byte[] bytes) throws IOException {
    Path path = dir.resolve(name);
    Files.write(path, bytes);
    return path;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** Reads the splits one after the other. */
  static List<String> read(List<? extends BoundedSource<String>> splits) throws IOException {
    List<String> lines = new ArrayList<>();
    for (BoundedSource<String> split : splits) {
      try (BoundedSource.BoundedReader<String> reader = split.createReader(OPTIONS)) {
        for (boolean more = reader.start(); more; more = reader.advance()) {
          lines.add(reader.getCurrent());
        }
      }
    }
    return lines;
  }
}
