package io.runnel.sdk.io.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file pattern on the local file system: a plain path, or a glob in {@link
 * java.nio.file.FileSystem#getPathMatcher java.nio glob syntax}: {@code *} and {@code ?} match
 * within one path segment, {@code **} across segments, {@code [abc]} and {@code {a,b}} as usual.
 * A {@code **}{@code /} also matches no directory at all, so {@code logs/**}{@code /*.txt} matches
 * {@code logs/a.txt} as well as {@code logs/2024/a.txt}.
 *
 * <p>The pattern splits into a base directory (the segments before the first one holding a
 * wildcard) and a glob relative to it; only the base directory is walked. Relative patterns are
 * resolved against the working directory. Only regular files match (directories never do).
 * Matches are absolute, normalized and sorted. Parsing does no I/O; {@link #match()} does.
 * Immutable and thread-safe.
 */
public final class FileGlob {
  private static final String WILDCARDS = "*?[{";

  private final String pattern;
  private final Path base;
  private final String glob;

  private FileGlob(String pattern, Path base, String glob) {
    this.pattern = pattern;
    this.base = base;
    this.glob = glob;
  }

  /**
   * The glob of {@code pattern}.
   *
   * @throws IllegalArgumentException if the pattern is empty
   */
  public static FileGlob parse(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("file pattern must not be empty: '" + pattern + "'");
    }
    String[] segments = pattern.split("/", -1);
    int first = 0;
    while (first < segments.length && !hasWildcard(segments[first])) {
      first++;
    }
    if (first == segments.length) {
      return new FileGlob(pattern, Path.of(pattern), null);
    }
    String baseText = String.join("/", java.util.Arrays.copyOfRange(segments, 0, first));
    Path basePath = baseText.isEmpty() ? Path.of(pattern.startsWith("/") ? "/" : ".") : Path.of(baseText);
    String rest = String.join("/", java.util.Arrays.copyOfRange(segments, first, segments.length));
    return new FileGlob(pattern, basePath, rest);
  }

  /** Whether {@code text} holds a glob wildcard character. */
  public static boolean hasWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (WILDCARDS.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The pattern as given. */
  public String pattern() {
    return pattern;
  }

  /** Whether the pattern holds a wildcard (else it is a plain path). */
  public boolean isWildcard() {
    return glob != null;
  }

  /** The directory walked to find matches, absolute; for a plain path, the path itself. */
  public Path baseDirectory() {
    return base.toAbsolutePath().normalize();
  }

  /**
   * The regular files the pattern matches, absolute, normalized and sorted; empty when the base
   * directory does not exist.
   *
   * @throws IllegalArgumentException if a plain path names a directory (the message gives the
   *     glob that reads the files in it)
   * @throws UncheckedIOException if the base directory cannot be walked
   */
  public List<Path> match() {
    Path absolute = baseDirectory();
    if (glob == null) {
      if (Files.isDirectory(absolute)) {
        throw new IllegalArgumentException("file pattern '" + pattern + "' names the directory "
            + absolute + ", not a file; to read the files in it use '" + withSlash(pattern) + "*'");
      }
      return Files.isRegularFile(absolute) ? List.of(absolute) : List.of();
    }
    if (!Files.isDirectory(absolute)) {
      return List.of();
    }
    List<PathMatcher> matchers = matchers(absolute);
    int depth = glob.contains("**") ? Integer.MAX_VALUE : glob.split("/", -1).length;
    try (Stream<Path> walk = Files.walk(absolute, depth)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> matchesAny(matchers, absolute.relativize(p)))
          .map(p -> p.toAbsolutePath().normalize())
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new UncheckedIOException("cannot list files for pattern '" + pattern + "' under "
          + absolute + ": " + cause, cause);
    }
  }

  /** The glob and its variants with each {@code **}{@code /} removed, so they match zero directories. */
  static List<String> variants(String glob) {
    List<String> out = new ArrayList<>();
    addVariants(glob, 0, out);
    return out;
  }

  private static void addVariants(String glob, int from, List<String> out) {
    int at = glob.indexOf("**/", from);
    if (at < 0) {
      out.add(glob);
      return;
    }
    addVariants(glob, at + 3, out);
    addVariants(glob.substring(0, at) + glob.substring(at + 3), at, out);
  }

  private List<PathMatcher> matchers(Path root) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String variant : variants(glob)) {
      matchers.add(root.getFileSystem().getPathMatcher("glob:" + variant));
    }
    return matchers;
  }

  private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  private static String withSlash(String path) {
    return path.endsWith("/") ? path : path + "/";
  }

  @Override
  public String toString() {
    return pattern;
  }
}
