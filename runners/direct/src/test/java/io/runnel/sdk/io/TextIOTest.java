package io.runnel.sdk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** TextIO read and write run on the direct runner. */
class TextIOTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @TempDir Path dir;

  @Test
  void readsEveryLineOfEveryFileTheGlobMatches() throws IOException {
    write("a.txt", "first\r\nsecond\r\n");
    write("b.txt", "no final newline");
    write("c.txt", "");
    write("d.txt", "grüße\rκόσμε\n\n日本語\n");
    write("skipped.csv", "not matched");

    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/*.txt"));

    PAssert.that(lines).containsInAnyOrder(
        "first", "second", "no final newline", "grüße", "κόσμε", "", "日本語");
    p.run();
  }

  @Test
  void readsNestedFilesWithDoubleStarAndGzipFiles() throws IOException {
    write("top.log", "top");
    Files.createDirectories(dir.resolve("x/y"));
    write("x/y/deep.log", "deep");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("x/packed.log.gz")))) {
      out.write("zipped 1\nzipped 2\n".getBytes(StandardCharsets.UTF_8));
    }

    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/**/*.log*"));

    PAssert.that(lines).containsInAnyOrder("top", "deep", "zipped 1", "zipped 2");
    p.run();
  }

  @Test
  void readsEveryLineOfManyFilesExactlyOnce() throws IOException {
    List<String> expected = new ArrayList<>();
    String[] terminators = {"\n", "\r\n", "\r"};
    for (int file = 0; file < 6; file++) {
      StringBuilder text = new StringBuilder();
      String previous = "\n";
      for (int line = 0; line < 150; line++) {
        String content = line % 17 == 0 ? "" : "file " + file + " line " + line + " ü";
        String terminator = terminators[(file + line) % 3];
        if (content.isEmpty() && previous.equals("\r") && terminator.equals("\n")) {
          terminator = "\r\n";   // "\r" then "\n" would be one terminator, not an empty line
        }
        expected.add(content);
        text.append(content).append(terminator);
        previous = terminator;
      }
      write("part-" + file + ".txt", text.toString());
    }

    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/part-*.txt"));

    PAssert.that(lines).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void readsEveryLineOfALargeFileSplitIntoRangesExactlyOnce() throws IOException {
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder("\uFEFF");
    for (int line = 0; line < 20_000; line++) {
      String content = "line " + line + " " + "x".repeat(line % 40);
      expected.add(content);
      text.append(content).append(line % 2 == 0 ? "\r\n" : "\n");
    }
    write("large.txt", text.toString());

    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/large.txt"));

    PAssert.that(lines).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void patternMatchingNoFileFailsNamingThePattern() {
    String pattern = dir + "/missing-*.txt";
    p.apply(TextIO.read().from(pattern));

    assertThatThrownBy(p::run)
        .isInstanceOf(Pipeline.PipelineExecutionException.class)
        .hasMessageContaining(pattern)
        .hasMessageContaining("withEmptyMatchTreatment");
  }

  @Test
  void emptyMatchIsAllowedWhenAsked() {
    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/missing-*.txt")
        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW));

    PAssert.that(lines).empty();
    p.run();
  }

  @Test
  void malformedUtf8FailsNamingFileAndLine() throws IOException {
    Files.write(dir.resolve("bad.txt"), new byte[] {'o', 'k', '\n', (byte) 0xC3, '(', '\n'});
    p.apply(TextIO.read().from(dir + "/bad.txt"));

    assertThatThrownBy(p::run).hasMessageContaining("bad.txt").hasMessageContaining("line 2");
  }

  @Test
  void writeWithNShardsProducesExactlyNFilesHoldingAllLines() throws IOException {
    List<String> input = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      input.add("line " + i);
    }
    p.apply(Create.of(input)).apply(TextIO.write().to(dir + "/out/part").withSuffix(".txt").withNumShards(3));
    p.run();

    assertThat(listNames(dir.resolve("out"))).containsExactly(
        "part-00000-of-00003.txt", "part-00001-of-00003.txt", "part-00002-of-00003.txt");
    assertThat(readAll(dir.resolve("out"))).containsExactlyInAnyOrderElementsOf(input);
  }

  @Test
  void writeFillsShardsWithoutLinesWithEmptyFiles() throws IOException {
    p.apply(Create.of("only")).apply(TextIO.write().to(dir + "/few").withNumShards(4)
        .withHeader("# head").withFooter("# foot"));
    p.run();

    assertThat(listNames(dir)).hasSize(4).allMatch(n -> n.matches("few-0000[0-3]-of-00004"));
    assertThat(readAll(dir)).filteredOn(l -> !l.startsWith("#")).containsExactly("only");
    assertThat(readAll(dir)).filteredOn(l -> l.equals("# head")).hasSize(4);
  }

  @Test
  void writeWithoutShardingWritesOneFileNamedPrefixAndSuffix() throws IOException {
    p.apply(Create.of("a", "b")).apply(TextIO.write().to(dir + "/single").withSuffix(".csv").withoutSharding());
    p.run();

    assertThat(listNames(dir)).containsExactly("single.csv");
    assertThat(Files.readAllLines(dir.resolve("single.csv"))).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void writeHonoursACustomShardNameTemplate() throws IOException {
    p.apply(Create.of("a", "b")).apply(TextIO.write().to(dir + "/t").withNumShards(2)
        .withShardNameTemplate("_S_of_N"));
    p.run();

    assertThat(listNames(dir)).containsExactly("t_0_of_2", "t_1_of_2");
  }

  @Test
  void failureUpstreamOfTheWriteLeavesNoOutputFiles() throws IOException {
    p.apply(Create.of("ok", "boom", "fine"))
        .apply(ParDo.of(new FailOnBoomFn()))
        .apply(TextIO.write().to(dir + "/out/part").withNumShards(2));

    assertThatThrownBy(p::run).hasMessageContaining("boom");
    assertThat(listAll(dir)).isEmpty();
  }

  @Test
  void rerunningReplacesTheOutputAndRemovesTemporaryFiles() throws IOException {
    Pipeline first = Pipeline.create(TestPipeline.testingPipelineOptions());
    first.apply(Create.of("old 1", "old 2")).apply(TextIO.write().to(dir + "/r").withoutSharding());
    first.run();
    Files.createDirectories(dir.resolve(".runnel-temp-r/crashed-run"));
    Files.writeString(dir.resolve(".runnel-temp-r/crashed-run/r.stale"), "stale");

    p.apply(Create.of("new")).apply(TextIO.write().to(dir + "/r").withoutSharding());
    p.run();

    assertThat(Files.readAllLines(dir.resolve("r"))).containsExactly("new");
    assertThat(listAll(dir)).containsExactly(dir.resolve("r"));
  }

  @Test
  void writtenFilesReadBackToTheSameLines() {
    Pipeline writer = Pipeline.create(TestPipeline.testingPipelineOptions());
    writer.apply(Create.of("x", "y", "z", "ünï")).apply(TextIO.write().to(dir + "/rt").withNumShards(2));
    writer.run();

    PAssert.that(p.apply(TextIO.read().from(dir + "/rt-*"))).containsInAnyOrder("x", "y", "z", "ünï");
    p.run();
  }

  private static final class FailOnBoomFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      if (element.equals("boom")) {
        throw new IllegalStateException("failing on purpose at element boom");
      }
      out.output(element);
    }
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<String> listNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> listAll(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(f -> !f.equals(directory)).sorted().toList();
    }
  }

  private static List<String> readAll(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }
}
