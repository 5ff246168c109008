package io.runnel.sdk.io.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where and how a sharded text write keeps its shards until they are published. Temporary files
 * live in the output directory itself (so publishing is a rename within one file system), under
 * {@code .runnel-temp-<file prefix>/<job name>/<final file name>.<random UUID>}. Publishing moves a
 * temporary file onto its final name atomically where the file system supports it. The whole
 * {@code .runnel-temp-<file prefix>} directory is deleted after publishing, which also removes
 * what earlier runs that failed or were killed left behind.
 *
 * <p>Stateless; the methods are thread-safe as far as the file system is.
 */
public final class TempShardFiles {
  private static final String TEMP_DIRECTORY_PREFIX = ".runnel-temp-";

  private TempShardFiles() {}

  /** The directory holding every run's temporary files for {@code names}. */
  public static Path tempRoot(ShardedFilenames names) {
    return names.directory().resolve(TEMP_DIRECTORY_PREFIX + names.filePrefix());
  }

  /** The directory of one run's temporary files; {@code jobName} is made safe for a file name. */
  public static Path runDirectory(ShardedFilenames names, String jobName) {
    String safe = jobName == null || jobName.isEmpty() ? "job" : jobName.replaceAll("[^A-Za-z0-9._-]", "_");
    return tempRoot(names).resolve(safe);
  }

  /**
   * Writes {@code header}, each line, then {@code footer} (each null one skipped), each followed
   * by {@code \n}, UTF-8, to a new temporary file for {@code finalName} in {@code runDirectory}.
   * On failure the partial file is deleted.
   *
   * @return the temporary file
   * @throws UncheckedIOException naming the file
   */
  public static Path write(Path runDirectory, String finalName, String header, Iterable<String> lines,
      String footer) {
    Path temp = runDirectory.resolve(finalName + "." + UUID.randomUUID());
    try {
      Files.createDirectories(runDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("TextIO.write(): cannot create the temporary directory "
          + runDirectory + " (is the output directory writable?): " + e, e);
    }
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      if (header != null) {
        out.write(header);
        out.write('\n');
      }
      for (String line : lines) {
        out.write(line);
        out.write('\n');
        written++;
      }
      if (footer != null) {
        out.write(footer);
        out.write('\n');
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp, e);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("TextIO.write(): failed writing the temporary file " + temp
            + " for " + finalName + " after " + written + " lines: " + e, io);
      }
      throw (RuntimeException) e;
    }
    return temp;
  }

  /**
   * Moves {@code temp} onto {@code target}, replacing it: atomically where the file system can,
   * else as a plain replacing move.
   *
   * @throws UncheckedIOException naming both files
   */
  public static void publish(Path temp, Path target) {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("TextIO.write(): cannot move the temporary file " + temp
          + " to " + target + ": " + e, e);
    }
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  public static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("TextIO.write(): cannot delete the temporary directory " + root
          + "; delete it by hand: " + e,
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
  }

  private static void deleteQuietly(Path path, Exception failure) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
