package io.runnel.sdk.io.internal;

import io.runnel.sdk.transforms.DoFn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads each file, given by path, and outputs its lines (see {@link LineReader}) as UTF-8 text;
 * files whose name ends in {@code .gz} are gunzipped first. Streams: a file is never held in
 * memory whole. Malformed UTF-8 or an I/O error fails with the file and line number.
 */
public final class ReadLinesFn extends DoFn<String, String> {
  private static final long serialVersionUID = 1L;

  @ProcessElement
  public void process(@Element String file, OutputReceiver<String> out) {
    Path path = Path.of(file);
    LineReader reader = null;
    try (InputStream in = open(path)) {
      reader = new LineReader(in);
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.output(line);
      }
    } catch (LineReader.MalformedLineException e) {
      throw new UncheckedIOException("TextIO.read(): " + path + ": " + e.getMessage()
          + "; TextIO reads UTF-8 only", e);
    } catch (IOException e) {
      throw new UncheckedIOException("TextIO.read(): cannot read " + path
          + (reader == null ? "" : " (failed in line " + (reader.linesRead() + 1) + ")") + ": " + e, e);
    }
  }

  private static InputStream open(Path path) throws IOException {
    InputStream in = Files.newInputStream(path);
    if (!path.getFileName().toString().endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 64 * 1024);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
