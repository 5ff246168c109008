package io.runnel.sdk.io.internal;

import static io.runnel.sdk.io.internal.TextFileSourceTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-pattern source behind TextIO.read(), through its splits and readers. */
class TextSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @TempDir Path dir;

  @Test
  void thePatternIsExpandedWhenSplitNotWhenTheSourceIsMade() throws Exception {
    TextSource source = new TextSource(dir + "/*.txt", EmptyMatchTreatment.DISALLOW);
    write("late.txt", "written after the source was made\n");

    assertThat(read(source.split(1_000, OPTIONS))).containsExactly("written after the source was made");
  }

  @Test
  void splitsEachMatchedFileIntoRangesInSortedFileOrder() throws Exception {
    Path b = write("b.txt", "b1\nb2\n");
    Path a = write("a.txt", "a1\na2\na3\n");
    write("c.csv", "not matched\n");
    TextSource source = new TextSource(dir + "/*.txt", EmptyMatchTreatment.DISALLOW);

    List<TextFileSource> splits = source.split(6, OPTIONS);

    assertThat(splits).extracting(TextFileSource::file)
        .containsExactly(a, a, b);
    assertThat(read(splits)).containsExactly("a1", "a2", "a3", "b1", "b2");
  }

  @Test
  void everyLineOfEveryFileIsReadOnceForManySplitSizes() throws Exception {
    write("one.txt", "x\r\ny\rz");
    write("two.txt", "");
    write("three.txt", "\uFEFFp\n\nq\n");
    gzip("four.txt.gz", "g1\ng2\n");
    TextSource source = new TextSource(dir + "/*", EmptyMatchTreatment.DISALLOW);
    long size = source.getEstimatedSizeBytes(OPTIONS);

    for (long desired : new long[] {1, 2, 3, 5, 8, size / 16, size, Long.MAX_VALUE}) {
      assertThat(read(source.split(desired, OPTIONS))).as("desired bundle size %s", desired)
          .containsExactly("g1", "g2", "x", "y", "z", "p", "", "q");
    }
  }

  @Test
  void estimatedSizeIsTheTotalSizeOfTheMatchedFilesAsStored() throws Exception {
    write("a.txt", "12345");
    write("b.txt", "123");
    Path packed = gzip("c.txt.gz", "compressed text\n");

    TextSource source = new TextSource(dir + "/*", EmptyMatchTreatment.DISALLOW);

    assertThat(source.getEstimatedSizeBytes(OPTIONS)).isEqualTo(8 + Files.size(packed));
  }

  @Test
  void readUnsplitItReadsTheFilesOneAfterTheOther() throws Exception {
    write("a.txt", "a1\n");
    write("b.txt", "");
    write("c.txt", "c1\nc2");

    TextSource source = new TextSource(dir + "/*.txt", EmptyMatchTreatment.DISALLOW);

    assertThat(read(List.of(source))).containsExactly("a1", "c1", "c2");
  }

  @Test
  void aPatternMatchingNoFileFailsNamingItWhenSplitOrSized() {
    TextSource source = new TextSource(dir + "/missing-*.txt", EmptyMatchTreatment.DISALLOW);

    assertThatThrownBy(() -> source.split(1, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + dir + "/missing-*.txt'")
        .hasMessageContaining(".withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)");
    assertThatThrownBy(() -> source.getEstimatedSizeBytes(OPTIONS))
        .hasMessageContaining("'" + dir + "/missing-*.txt'");
  }

  @Test
  void anAllowedEmptyMatchHasNoSplitsAndNoSize() throws Exception {
    TextSource source = new TextSource(dir + "/missing-*.txt", EmptyMatchTreatment.ALLOW);

    assertThat(source.split(1, OPTIONS)).isEmpty();
    assertThat(source.getEstimatedSizeBytes(OPTIONS)).isZero();
    assertThat(read(List.of(source))).isEmpty();
  }

  @Test
  void allowIfWildcardStillRejectsAMissingPlainPath() throws Exception {
    assertThat(new TextSource(dir + "/none-*", EmptyMatchTreatment.ALLOW_IF_WILDCARD)
        .split(1, OPTIONS)).isEmpty();
    assertThatThrownBy(() -> new TextSource(dir + "/none.txt", EmptyMatchTreatment.ALLOW_IF_WILDCARD)
        .split(1, OPTIONS))
        .hasMessageContaining("does not exist");
  }

  @Test
  void noMatchMessageNamesThePatternAndTheFix() {
    String message = TextSource.noMatchMessage(FileGlob.parse("/no/such/dir/*.txt"),
        EmptyMatchTreatment.DISALLOW);
    assertThat(message)
        .contains("'/no/such/dir/*.txt'")
        .contains("/no/such/dir, which does not exist")
        .contains(".withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)");
  }

  private Path write(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path;
  }

  private Path gzip(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return path;
  }
}
