package io.runnel.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the files a sample's {@code TextIO.write().to(prefix).withSuffix(".txt")} wrote. */
final class SampleOutput {
  private SampleOutput() {}

  /**
   * The files {@code <prefix>-*-of-*.txt}, sorted; {@code prefix} is resolved against the working
   * directory.
   *
   * @throws UncheckedIOException naming the prefix when its directory cannot be listed
   */
  static List<Path> files(String prefix) {
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
}
