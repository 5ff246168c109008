package io.runnel.samples;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.TextIO;
import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.DefaultValueFactory;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SimpleFunction;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the words of text files and writes {@code word: count} lines, the shape of Beam's
 * WordCount example. Run it from the repository root with
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java
 * mvn -q -pl samples -am test-compile exec:java -Dexec.args="--input=/data/*.txt --output=/tmp/counts"
 * }</pre>
 *
 * <p>Without {@code --input} it reads a few Shakespeare sonnets shipped with the sample; without
 * {@code --output} it writes {@code target/wordcount/counts-00000-of-00001.txt} under the working
 * directory. {@code --help} lists the options.
 */
public final class WordCount {
  /** The classpath resource read when no {@code --input} is given. */
  static final String SHIPPED_TEXT = "io/runnel/samples/sonnets.txt";

  private WordCount() {}

  /** Splits a line into words: maximal runs of letters ({@code \p{L}}), case kept. */
  static class ExtractWordsFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element String line, OutputReceiver<String> out) {
      for (String word : line.split("[^\\p{L}]+")) {
        if (!word.isEmpty()) {
          out.output(word);
        }
      }
    }
  }

  /** Formats a word and its count as {@code word: count}. */
  public static class FormatAsTextFn extends SimpleFunction<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(KV<String, Long> wordCount) {
      return wordCount.getKey() + ": " + wordCount.getValue();
    }
  }

  /** Lines of text to (word, number of occurrences). */
  public static class CountWords extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
      return lines
          .apply("ExtractWords", ParDo.of(new ExtractWordsFn()))
          .apply("CountPerWord", Count.perElement());
    }
  }

  /** The options of {@link WordCount}. */
  public interface WordCountOptions extends PipelineOptions {
    @Description("File or glob of the text to count, e.g. /data/*.txt. Defaults to a few"
        + " Shakespeare sonnets shipped with the sample (copied to a temporary file).")
    @Default.InstanceFactory(ShippedTextFactory.class)
    String getInput();

    void setInput(String value);

    @Description("Prefix of the output files, relative to the working directory unless absolute.")
    @Default.String("target/wordcount/counts")
    String getOutput();

    void setOutput(String value);
  }

  /** Copies {@link #SHIPPED_TEXT} to a temporary file, since TextIO reads files, not resources. */
  public static final class ShippedTextFactory implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      try (InputStream text = WordCount.class.getClassLoader().getResourceAsStream(SHIPPED_TEXT)) {
        if (text == null) {
          throw new IllegalStateException("classpath resource " + SHIPPED_TEXT + " is missing;"
              + " pass --input=<file or glob>");
        }
        Path copy = Files.createTempFile("runnel-wordcount-", ".txt");
        copy.toFile().deleteOnExit();
        Files.copy(text, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy.toString();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + SHIPPED_TEXT + " to a temporary file;"
            + " pass --input=<file or glob>", e);
      }
    }
  }

  /**
   * Builds and runs the word count with {@code options}, waits for it, and returns the files
   * written, sorted.
   */
  public static List<Path> runWordCount(WordCountOptions options) {
    buildPipeline(options).run().waitUntilFinish();
    return outputFiles(options.getOutput());
  }

  /** The word-count pipeline for {@code options}, built but not run. */
  public static Pipeline buildPipeline(WordCountOptions options) {
    Pipeline p = Pipeline.create(options);
    p.apply("ReadLines", TextIO.read().from(options.getInput()))
        .apply(new CountWords())
        .apply(MapElements.via(new FormatAsTextFn()))
        .apply("WriteCounts", TextIO.write().to(options.getOutput()).withSuffix(".txt"));
    return p;
  }

  private static List<Path> outputFiles(String prefix) {
    Path absolute = Path.of(prefix).toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(absolute.getParent(), absolute.getFileName() + "-*-of-*.txt")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the output files " + absolute + "-*", e);
    }
    files.sort(null);
    return files;
  }

  public static void main(String[] args) {
    WordCountOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(WordCountOptions.class);
    } catch (PipelineOptionsFactory.HelpRequestedException help) {
      System.out.print(help.getHelpText());
      return;
    }
    for (Path file : runWordCount(options)) {
      System.out.println("Wrote word counts to " + file);
    }
  }
}
