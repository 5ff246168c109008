package io.runnel.sdk.io.internal;

import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.transforms.DoFn;
import java.nio.file.Path;
import java.util.List;

/**
 * Expands each file pattern into the absolute paths of the files it matches (see {@link
 * FileGlob}), in sorted order. A pattern matching nothing is an error naming the pattern unless
 * the {@link EmptyMatchTreatment} allows it.
 */
public final class MatchFilesFn extends DoFn<String, String> {
  private static final long serialVersionUID = 1L;

  private final EmptyMatchTreatment emptyMatchTreatment;

  public MatchFilesFn(EmptyMatchTreatment emptyMatchTreatment) {
    this.emptyMatchTreatment = emptyMatchTreatment;
  }

  @ProcessElement
  public void process(@Element String pattern, OutputReceiver<String> out) {
    FileGlob glob = FileGlob.parse(pattern);
    List<Path> files = glob.match();
    if (files.isEmpty() && !allowsEmpty(glob)) {
      throw new IllegalArgumentException(noMatchMessage(glob, emptyMatchTreatment));
    }
    for (Path file : files) {
      out.output(file.toString());
    }
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
            + (java.nio.file.Files.isDirectory(glob.baseDirectory()) ? "" : ", which does not exist")
        : glob.baseDirectory() + " does not exist";
    return "TextIO.read(): no file matches the pattern '" + glob.pattern() + "' (" + where
        + "; EmptyMatchTreatment." + treatment + "). Check the path, or allow an empty result with"
        + " .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW).";
  }
}
