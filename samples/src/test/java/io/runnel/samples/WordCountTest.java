package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.samples.WordCount.WordCountOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {
  @TempDir Path dir;

  @Test
  void countsOfTheShippedTextMatchAPlainJavaCount() throws IOException {
    WordCountOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve("counts"))
        .as(WordCountOptions.class);

    List<Path> files = WordCount.runWordCount(options);

    assertThat(files).containsExactly(dir.resolve("counts-00000-of-00001.txt"));
    assertThat(parseCounts(files)).isEqualTo(countWithHashMap(shippedText()));
  }

  @Test
  void countsAGlobOfInputFiles() throws IOException {
    Files.writeString(dir.resolve("one.txt"), "the cat and the hat\r\n");
    Files.writeString(dir.resolve("two.txt"), "The cat; the end");
    WordCountOptions options = PipelineOptionsFactory.fromArgs(
        "--input=" + dir + "/*.txt", "--output=" + dir.resolve("out/counts")).as(WordCountOptions.class);

    List<Path> files = WordCount.runWordCount(options);

    assertThat(parseCounts(files)).isEqualTo(
        countWithHashMap(Files.readString(dir.resolve("one.txt")) + "\n" + Files.readString(dir.resolve("two.txt"))));
    assertThat(parseCounts(files)).containsEntry("the", 3L).containsEntry("The", 1L);
  }

  @Test
  void mainPrintsWhereTheCountsWent() {
    String printed = captureStdout(() -> WordCount.main(new String[] {"--output=" + dir.resolve("c")}));

    assertThat(printed).isEqualTo("Wrote word counts to " + dir.resolve("c-00000-of-00001.txt")
        + System.lineSeparator());
  }

  @Test
  void helpListsTheOptionsAndRunsNothing() {
    String printed = captureStdout(() -> WordCount.main(new String[] {"--help"}));

    assertThat(printed).contains("--input").contains("--output");
    assertThat(dir).isEmptyDirectory();
  }

  private static String shippedText() throws IOException {
    try (InputStream in = WordCountTest.class.getClassLoader().getResourceAsStream(WordCount.SHIPPED_TEXT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Long> countWithHashMap(String text) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : text.split("\r\n|\r|\n")) {
      for (String word : line.split("[^\\p{L}]+")) {
        if (!word.isEmpty()) {
          counts.merge(word, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> parseCounts(List<Path> files) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.lastIndexOf(": ");
        Long previous = counts.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 2)));
        assertThat(previous).as("word %s appears twice in the output", line).isNull();
      }
    }
    return counts;
  }

  private static String captureStdout(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
