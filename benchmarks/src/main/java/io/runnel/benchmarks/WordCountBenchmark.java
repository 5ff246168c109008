package io.runnel.benchmarks;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A word count on the direct runner: {@value #WORDS} words drawn deterministically (SplitMix64)
 * from a vocabulary of {@value #VOCABULARY} words, in lines of {@value #WORDS_PER_LINE} words.
 * The pipeline generates the lines, splits them into words, counts each word with
 * {@code Combine.perKey}, formats {@code "word: count"}, and a sink checks every count against the
 * generator. One invocation runs the whole pipeline; words/s = WORDS / time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class WordCountBenchmark {
  static final int WORDS = 1_000_000;
  static final int VOCABULARY = 10_000;
  static final int WORDS_PER_LINE = 10;
  /** Ranges the lines are generated in; see {@link RangeSource} for why this many. */
  static final int RANGES = 10_000;
  static final int LINES_PER_RANGE = WORDS / WORDS_PER_LINE / RANGES;

  private static final String[] VOCABULARY_WORDS = vocabulary();
  /** The count of each word the generator produces, computed once without the pipeline. */
  private static final Map<String, Long> EXPECTED_COUNTS = expectedCounts();

  static final LongAdder distinctSeen = new LongAdder();
  static final LongAdder totalSeen = new LongAdder();

  /** Runs the pipeline once and returns the number of words counted (checked). */
  @Benchmark
  public long wordCount(DirectRunnerParams params) {
    distinctSeen.reset();
    totalSeen.reset();
    Pipeline pipeline = Pipeline.create(params.options());
    pipeline
        .apply("Ranges", RangeSource.of(RANGES))
        .apply("GenerateLines", ParDo.of(new GenerateLinesFn()))
        .setCoder(StringUtf8Coder.of())
        .apply("SplitWords", ParDo.of(new SplitWordsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("CountPerWord", Combine.<String, Long, Long>perKey(new LongSumFn()))
        .apply("Format", ParDo.of(new FormatFn()))
        .setCoder(StringUtf8Coder.of())
        .apply("Check", ParDo.of(new CheckCountFn()));
    pipeline.run().waitUntilFinish();

    if (distinctSeen.sum() != EXPECTED_COUNTS.size() || totalSeen.sum() != WORDS) {
      throw new IllegalStateException("word count is wrong: " + distinctSeen.sum()
          + " distinct words (expected " + EXPECTED_COUNTS.size() + "), " + totalSeen.sum()
          + " words (expected " + WORDS + ")");
    }
    return totalSeen.sum();
  }

  /** The word at position {@code position} of the generated text. */
  static String wordAt(long position) {
    return VOCABULARY_WORDS[(int) Long.remainderUnsigned(splitMix64(position), VOCABULARY)];
  }

  private static long splitMix64(long seed) {
    long z = seed * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Distinct words of 4 to 8 letters: a pseudo-random prefix of 1 to 5 letters and the index in
   * base 26 as a fixed 3-letter suffix, which keeps them distinct.
   */
  private static String[] vocabulary() {
    String[] words = new String[VOCABULARY];
    for (int id = 0; id < VOCABULARY; id++) {
      long bits = splitMix64(-1L - id);
      StringBuilder word = new StringBuilder(8);
      int prefix = 1 + (int) Long.remainderUnsigned(bits, 5);
      for (int i = 0; i < prefix; i++) {
        bits >>>= 5;
        word.append((char) ('a' + Long.remainderUnsigned(bits, 26)));
      }
      word.append((char) ('a' + id / 676)).append((char) ('a' + id / 26 % 26))
          .append((char) ('a' + id % 26));
      words[id] = word.toString();
    }
    return words;
  }

  private static Map<String, Long> expectedCounts() {
    Map<String, Long> counts = new HashMap<>();
    for (long position = 0; position < WORDS; position++) {
      counts.merge(wordAt(position), 1L, Long::sum);
    }
    return counts;
  }

  /** Emits the lines of one range. */
  static final class GenerateLinesFn extends DoFn<Long, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Long range, OutputReceiver<String> out) {
      long firstLine = range * LINES_PER_RANGE;
      StringBuilder line = new StringBuilder(WORDS_PER_LINE * 9);
      for (long l = firstLine; l < firstLine + LINES_PER_RANGE; l++) {
        line.setLength(0);
        for (int w = 0; w < WORDS_PER_LINE; w++) {
          if (w > 0) {
            line.append(' ');
          }
          line.append(wordAt(l * WORDS_PER_LINE + w));
        }
        out.output(line.toString());
      }
    }
  }

  /** Splits a line on single spaces and pairs each word with 1. */
  static final class SplitWordsFn extends DoFn<String, KV<String, Long>> {
    private static final long serialVersionUID = 1L;
    private static final Long ONE = 1L;

    @ProcessElement
    public void process(@Element String line, OutputReceiver<KV<String, Long>> out) {
      int start = 0;
      while (start < line.length()) {
        int end = line.indexOf(' ', start);
        if (end < 0) {
          end = line.length();
        }
        if (end > start) {
          out.output(KV.of(line.substring(start, end), ONE));
        }
        start = end + 1;
      }
    }
  }

  /** Formats {@code "word: count"}. */
  static final class FormatFn extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Long> count, OutputReceiver<String> out) {
      out.output(count.getKey() + ": " + count.getValue());
    }
  }

  /** Checks each formatted count against the generator and tallies words. */
  static final class CheckCountFn extends DoFn<String, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String formatted) {
      int colon = formatted.lastIndexOf(": ");
      String word = formatted.substring(0, colon);
      long count = Long.parseLong(formatted.substring(colon + 2));
      Long expected = EXPECTED_COUNTS.get(word);
      if (expected == null || expected != count) {
        throw new IllegalStateException(
            "wrong count '" + formatted + "', expected " + word + ": " + expected);
      }
      distinctSeen.increment();
      totalSeen.add(count);
    }
  }
}
