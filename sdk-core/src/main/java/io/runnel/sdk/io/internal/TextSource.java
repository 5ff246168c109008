package io.runnel.sdk.io.internal;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.options.PipelineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The lines of every file a pattern matches (see {@link FileGlob}): the source behind {@code
 * TextIO.read()}, as Beam's {@code TextSource} in file-pattern mode. The pattern is expanded
 * only when the source is sized, split or read, that is when the pipeline runs, never when it
 * is built; a pattern matching no file then fails with an error naming it, unless the {@link
 * EmptyMatchTreatment} allows it.
 *
 * <p>{@link #split} gives, for each matched file in sorted order, the {@link TextFileSource}
 * ranges of that file split by the desired bundle size (one whole-file range for a {@code .gz}
 * file; none for an empty file). The estimated size is the total size of the matched files as
 * stored. Read unsplit, it reads the matched files one after the other. Immutable.
 */
public final class TextSource extends BoundedSource<String> {
  private static final long serialVersionUID = 1L;

  private final String filepattern;
  private final EmptyMatchTreatment emptyMatchTreatment;

  /** The lines of the files {@code filepattern} matches; parses the pattern, does no I/O. */
  public TextSource(String filepattern, EmptyMatchTreatment emptyMatchTreatment) {
    FileGlob.parse(filepattern);
    this.filepattern = filepattern;
    this.emptyMatchTreatment = Objects.requireNonNull(emptyMatchTreatment, "emptyMatchTreatment");
  }

  public String filepattern() {
    return filepattern;
  }

  public EmptyMatchTreatment emptyMatchTreatment() {
    return emptyMatchTreatment;
  }

  /**
   * Each file the pattern matches now, as a whole-file source, in sorted order.
   *
   * @throws IllegalArgumentException naming the pattern when it matches no file and the
   *     treatment does not allow that
   */
  public List<TextFileSource> matchFiles() throws IOException {
    FileGlob glob = FileGlob.parse(filepattern);
    List<Path> files = glob.match();
    if (files.isEmpty() && !allowsEmpty(glob)) {
      throw new IllegalArgumentException(noMatchMessage(glob, emptyMatchTreatment));
    }
    List<TextFileSource> sources = new ArrayList<>(files.size());
    for (Path file : files) {
      sources.add(TextFileSource.wholeFile(file, Files.size(file)));
    }
    return sources;
  }

  private boolean allowsEmpty(FileGlob glob) {
    return switch (emptyMatchTreatment) {
      case ALLOW -> true;
      case DISALLOW -> false;
      case ALLOW_IF_WILDCARD -> glob.isWildcard();
    };
  }

  /** The error for a pattern that matched no file. */
  static String noMatchMessage(FileGlob glob, EmptyMatchTreatment treatment) {
    String where = glob.isWildcard()
        ? "searched under " + glob.baseDirectory()
            + (Files.isDirectory(glob.baseDirectory()) ? "" : ", which does not exist")
        : glob.baseDirectory() + " does not exist";
    return "TextIO.read(): no file matches the pattern '" + glob.pattern() + "' (" + where
        + "; EmptyMatchTreatment." + treatment + "). Check the path, or allow an empty result with"
        + " .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW).";
  }

  @Override
  public List<TextFileSource> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws IOException {
    List<TextFileSource> splits = new ArrayList<>();
    for (TextFileSource file : matchFiles()) {
      splits.addAll(file.split(desiredBundleSizeBytes, options));
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
    long total = 0;
    for (TextFileSource file : matchFiles()) {
      total += file.getEstimatedSizeBytes(options);
    }
    return total;
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) {
    return new Reader(this, options);
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TextSource that && filepattern.equals(that.filepattern)
        && emptyMatchTreatment == that.emptyMatchTreatment;
  }

  @Override
  public int hashCode() {
    return Objects.hash(filepattern, emptyMatchTreatment);
  }

  @Override
  public String toString() {
    return "TextSource(" + filepattern + ")";
  }

  /** Reads the matched files one after the other, each whole. */
  private static final class Reader extends BoundedReader<String> {
    private final TextSource source;
    private final PipelineOptions options;
    private List<TextFileSource> files;
    private int next;
    private BoundedReader<String> file;

    Reader(TextSource source, PipelineOptions options) {
      this.source = source;
      this.options = options;
    }

    @Override
    public boolean start() throws IOException {
      files = source.matchFiles();
      return startNextFile();
    }

    @Override
    public boolean advance() throws IOException {
      return (file != null && file.advance()) || startNextFile();
    }

    /** Moves to the next file that has a line; false when no file is left. */
    private boolean startNextFile() throws IOException {
      while (true) {
        close();
        if (next == files.size()) {
          return false;
        }
        file = files.get(next++).createReader(options);
        if (file.start()) {
          return true;
        }
      }
    }

    @Override
    public String getCurrent() {
      if (file == null) {
        throw new NoSuchElementException(source + ": no current line (reading has not started"
            + " or has ended)");
      }
      return file.getCurrent();
    }

    @Override
    public TextSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      if (file != null) {
        file.close();
        file = null;
      }
    }
  }
}
