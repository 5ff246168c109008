package io.runnel.sdk.io;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.io.internal.AssignShardFn;
import io.runnel.sdk.io.internal.FileGlob;
import io.runnel.sdk.io.internal.FinalizeWriteFn;
import io.runnel.sdk.io.internal.ShardedFilenames;
import io.runnel.sdk.io.internal.TextSource;
import io.runnel.sdk.io.internal.WriteShardFn;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PDone;
import io.runnel.windowing.GlobalWindows;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes text files of UTF-8 lines on the local file system.
 *
 * <pre>{@code
 * PCollection<String> lines = p.apply(TextIO.read().from("logs/2024-*.txt"));
 * lines.apply(TextIO.write().to("out/lines").withSuffix(".txt").withNumShards(3));
 * // out/lines-00000-of-00003.txt, out/lines-00001-of-00003.txt, out/lines-00002-of-00003.txt
 * }</pre>
 *
 * <p>{@link Read} expands a file pattern when the pipeline runs, not when it is built, and
 * reads the matched files in parallel, split into byte ranges, each streamed line by line.
 * {@link Write} publishes its files only after every shard is fully written: readers of the
 * output never see a partial file, and a run that fails before that point leaves no new files
 * under the final names.
 * Both transforms are immutable configuration values and safe to share between threads.
 */
public final class TextIO {
  private static final String DEFAULT_SHARD_TEMPLATE = "-SSSSS-of-NNNNN";
  private static final int DEFAULT_NUM_SHARDS = 1;

  private TextIO() {}

  /** A read that needs a file pattern: {@code TextIO.read().from("dir/*.txt")}. */
  public static Read read() {
    return new Read(null, EmptyMatchTreatment.DISALLOW);
  }

  /** A write that needs an output prefix: {@code TextIO.write().to("out/part")}. */
  public static Write write() {
    return new Write(null, "", 0, DEFAULT_SHARD_TEMPLATE, null, null);
  }

  /**
   * Reads the lines of every file a pattern matches, as a {@code PCollection<String>} in no
   * particular order (elements have the minimum timestamp, in the global window).
   *
   * <p><b>Patterns.</b> A plain path, or a glob: {@code *} and {@code ?} within one path segment,
   * {@code **} across directories ({@code dir/**}{@code /*.txt} also matches files directly in
   * {@code dir}), {@code [abc]} and {@code {a,b}}. Relative patterns are resolved against the
   * working directory of the process running the pipeline. Only regular files match; a plain
   * path naming a directory is an error that suggests {@code dir/*}. By default a pattern that
   * matches no file fails the pipeline with an error naming it; see {@link
   * #withEmptyMatchTreatment}.
   *
   * <p><b>Lines.</b> UTF-8, split at {@code \n}, {@code \r\n} or {@code \r}, terminators
   * removed; a file ending with a terminator has no trailing empty line, an empty file has no
   * lines, and a leading byte-order mark is dropped. Files whose names end in {@code .gz} are
   * gunzipped. Malformed UTF-8 fails the pipeline, naming the file and the line number.
   *
   * <p><b>Splitting.</b> As Beam's, the read is {@code Read.from} a bounded source (named {@code
   * Read(TextSource)}) that a runner sizes (the total size of the matched files as stored) and
   * splits: each file into byte ranges of about the desired bundle size, read in parallel. A
   * line belongs to the range holding its first byte, so every line is read exactly once
   * wherever the ranges end. A {@code .gz} file is not split: one reader reads it whole.
   */
  public static final class Read extends PTransform<PBegin, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    private final String filepattern;
    private final EmptyMatchTreatment emptyMatchTreatment;

    private Read(String filepattern, EmptyMatchTreatment emptyMatchTreatment) {
      this.filepattern = filepattern;
      this.emptyMatchTreatment = emptyMatchTreatment;
    }

    /**
     * This read, of the files {@code filepattern} matches.
     *
     * @throws IllegalArgumentException if the pattern is null or blank
     */
    public Read from(String filepattern) {
      if (filepattern == null || filepattern.isBlank()) {
        throw new IllegalArgumentException("TextIO.read().from(filepattern): the pattern must not"
            + " be null or blank, got '" + filepattern + "'");
      }
      FileGlob.parse(filepattern);
      return new Read(filepattern, emptyMatchTreatment);
    }

    /**
     * This read, treating a pattern that matches no file as {@code treatment} says (default
     * {@link EmptyMatchTreatment#DISALLOW}).
     */
    public Read withEmptyMatchTreatment(EmptyMatchTreatment treatment) {
      return new Read(filepattern, Objects.requireNonNull(treatment, "treatment"));
    }

    /** The file pattern, or null before {@link #from}. */
    public String getFilepattern() {
      return filepattern;
    }

    public EmptyMatchTreatment getEmptyMatchTreatment() {
      return emptyMatchTreatment;
    }

    @Override
    public PCollection<String> expand(PBegin input) {
      if (filepattern == null) {
        throw new IllegalStateException("TextIO.read() has no file pattern; call"
            + " TextIO.read().from(\"path/*.txt\")");
      }
      return input.apply(
          io.runnel.sdk.io.Read.from(new TextSource(filepattern, emptyMatchTreatment)));
    }

    @Override
    protected String getKindString() {
      return "TextIO.Read";
    }
  }

  /**
   * Writes a {@code PCollection<String>} as text files, one element per line, each followed by
   * {@code \n}, UTF-8.
   *
   * <p><b>Names.</b> File {@code i} of {@code n} is {@code <prefix><template><suffix>}, where in
   * the shard name template (default {@code -SSSSS-of-NNNNN}) each run of {@code S} becomes
   * {@code i} and each run of {@code N} becomes {@code n}, zero-padded to the run's length. The
   * directory of the prefix is created if missing; relative prefixes are resolved against the
   * working directory of the process running the pipeline. Existing files of the same names are
   * replaced.
   *
   * <p><b>Sharding.</b> With {@link #withNumShards} {@code n > 0}, exactly {@code n} files are
   * written (shards that get no lines are written empty, with header and footer). A line goes to
   * shard {@code floorMod(line.hashCode(), n)}: deterministic across runs and runners, and equal
   * lines share a file. Unspecified or {@code 0} means one file. Lines
   * within a file are in no particular order.
   *
   * <p><b>Atomicity.</b> Each shard is first written to a temporary file in a hidden directory
   * {@code .runnel-temp-<file prefix>/} next to the output. Only after every shard is written does
   * a final step (which reads all written shards as a side input, so it cannot run earlier) move
   * each temporary file onto its final name with an atomic rename where the file system supports
   * it, then delete the hidden directory, including leftovers of earlier failed runs. So a final
   * file is never seen half-written, and a run that fails before publishing changes no final
   * file. Publishing several files is not one atomic step: a crash during it can leave some
   * files of the new run next to some of an earlier one. Do not run two pipelines writing the
   * same prefix at the same time.
   *
   * <p>Only the global window is written (as Beam without {@code withWindowedWrites()}).
   */
  public static final class Write extends PTransform<PCollection<String>, PDone> {
    private static final long serialVersionUID = 1L;

    private final String prefix;
    private final String suffix;
    private final int numShards;
    private final String shardTemplate;
    private final String header;
    private final String footer;

    private Write(String prefix, String suffix, int numShards, String shardTemplate, String header,
        String footer) {
      this.prefix = prefix;
      this.suffix = suffix;
      this.numShards = numShards;
      this.shardTemplate = shardTemplate;
      this.header = header;
      this.footer = footer;
    }

    /**
     * This write, to files named {@code prefix} + shard name + suffix; a prefix ending in
     * {@code /} writes files named by the template alone into that directory.
     *
     * @throws IllegalArgumentException if the prefix is null or empty
     */
    public Write to(String prefix) {
      if (prefix == null || prefix.isEmpty()) {
        throw new IllegalArgumentException("TextIO.write().to(prefix): the prefix must not be null"
            + " or empty, got '" + prefix + "'");
      }
      return new Write(prefix, suffix, numShards, shardTemplate, header, footer);
    }

    /** This write, appending {@code suffix} (e.g. {@code ".txt"}) to every file name. */
    public Write withSuffix(String suffix) {
      return new Write(prefix, Objects.requireNonNull(suffix, "suffix"), numShards, shardTemplate,
          header, footer);
    }

    /**
     * This write, to exactly {@code numShards} files; 0 lets the transform choose (one file).
     *
     * @throws IllegalArgumentException if {@code numShards} is negative
     */
    public Write withNumShards(int numShards) {
      if (numShards < 0) {
        throw new IllegalArgumentException("TextIO.write().withNumShards(n): n must be 0 (default)"
            + " or positive, got " + numShards);
      }
      return new Write(prefix, suffix, numShards, shardTemplate, header, footer);
    }

    /** This write, to one file named exactly prefix + suffix: {@code withNumShards(1)} and an empty template. */
    public Write withoutSharding() {
      return new Write(prefix, suffix, 1, "", header, footer);
    }

    /** This write, naming shards with {@code template} (see {@link Write}); {@code ""} for none. */
    public Write withShardNameTemplate(String template) {
      return new Write(prefix, suffix, numShards, Objects.requireNonNull(template, "template"),
          header, footer);
    }

    /** This write, starting every file with the line {@code header}; null for none. */
    public Write withHeader(String header) {
      return new Write(prefix, suffix, numShards, shardTemplate, header, footer);
    }

    /** This write, ending every file with the line {@code footer}; null for none. */
    public Write withFooter(String footer) {
      return new Write(prefix, suffix, numShards, shardTemplate, header, footer);
    }

    /** The number of files this write produces. */
    public int getNumShards() {
      return numShards == 0 ? DEFAULT_NUM_SHARDS : numShards;
    }

    @Override
    public PDone expand(PCollection<String> input) {
      ShardedFilenames names = checkedNames(input);
      int shards = getNumShards();
      KvCoder<Integer, String> shardCoder = KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of());
      PCollection<KV<Integer, String>> written = input
          .apply("AssignShards", ParDo.of(new AssignShardFn(shards)))
          .setCoder(shardCoder)
          .apply("GroupByShard", GroupByKey.create())
          .apply("WriteTempFiles", ParDo.of(new WriteShardFn(names, shards, header, footer)))
          .setCoder(shardCoder);
      PCollectionView<List<KV<Integer, String>>> writtenView =
          written.apply("WrittenShards", View.asList());
      input.getPipeline().begin()
          .apply("FinalizeTrigger", Create.of("finalize").withCoder(StringUtf8Coder.of()))
          .apply("Finalize", ParDo.of(new FinalizeWriteFn(names, shards, header, footer))
              .withSideInput(FinalizeWriteFn.SHARDS, writtenView))
          .setCoder(VoidCoder.of());
      return PDone.in(input.getPipeline());
    }

    private ShardedFilenames checkedNames(PCollection<String> input) {
      if (prefix == null) {
        throw new IllegalStateException("TextIO.write() has no output prefix; call"
            + " TextIO.write().to(\"out/part\")");
      }
      ShardedFilenames names = new ShardedFilenames(prefix, shardTemplate, suffix);
      if (getNumShards() > 1 && !names.distinguishesShards()) {
        throw new IllegalArgumentException("TextIO.write().to(\"" + prefix + "\") with "
            + getNumShards() + " shards and shard name template '" + shardTemplate + "' would give"
            + " every shard the same name; put S in the template (e.g. \"" + DEFAULT_SHARD_TEMPLATE
            + "\") or use withoutSharding()");
      }
      if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
        throw new IllegalArgumentException("TextIO.write() writes the global window only, but "
            + input + " is windowed by " + input.getWindowingStrategy().getWindowFn()
            + "; re-window it into GlobalWindows before writing");
      }
      return names;
    }

    @Override
    protected String getKindString() {
      return "TextIO.Write";
    }
  }
}
