package io.runnel.sdk.io.internal;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.options.PipelineOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The lines of one text file that start in the byte range {@code [start, end)}, as Beam's {@code
 * TextSource} in single-file mode. A line starts at offset 0 or right after a terminator (see
 * {@link LineReader}) and belongs to the range holding that offset, however far it extends
 * beyond the range's end; so ranges that together cover a file read each of its lines exactly
 * once, wherever the boundaries fall (inside a line, inside a character, between the {@code \r}
 * and {@code \n} of one terminator). A reader of a range starting after 0 looks at the byte
 * before its start and skips to the first line start at or after it; the range starting at 0
 * also drops a leading byte-order mark.
 *
 * <p>Files whose names end in {@code .gz} are gunzipped and cannot be split: their one range is
 * the whole file, whatever {@code end} says. The estimated size is the size of the range as
 * stored (compressed, for {@code .gz}). Splitting cuts the range into consecutive ranges of
 * {@code desiredBundleSizeBytes}, the last one also taking a remainder smaller than a quarter of
 * that (as Beam's offset-based sources).
 *
 * <p>Malformed UTF-8 fails the read naming the file, the line's number in the file and its byte
 * offset. Immutable; readers are not thread-safe.
 */
public final class TextFileSource extends BoundedSource<String> {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long start;
  private final long end;

  /**
   * The lines of {@code file} that start in {@code [start, end)}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= start <= end}
   */
  public TextFileSource(Path file, long start, long end) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a range of " + file + " needs 0 <= start <= end, got ["
          + start + ", " + end + ")");
    }
    this.file = file.toString();
    this.start = start;
    this.end = end;
  }

  /** All lines of {@code file}, whose size is {@code sizeBytes}. */
  public static TextFileSource wholeFile(Path file, long sizeBytes) {
    return new TextFileSource(file, 0, sizeBytes);
  }

  public Path file() {
    return Path.of(file);
  }

  public long start() {
    return start;
  }

  public long end() {
    return end;
  }

  /** Whether the file can be read from the middle: it is not gzipped. */
  public boolean isSplittable() {
    return !file.endsWith(".gz");
  }

  @Override
  public List<TextFileSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    if (!isSplittable()) {
      return List.of(this);
    }
    long chunk = Math.max(1, desiredBundleSizeBytes);
    List<TextFileSource> splits = new ArrayList<>();
    long from = start;
    while (from < end) {
      long to = end - from <= chunk ? end : from + chunk;
      if (end - to < chunk / 4) {
        to = end;
      }
      splits.add(from == start && to == end ? this : new TextFileSource(file(), from, to));
      from = to;
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return end - start;
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) {
    return new Reader(this);
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TextFileSource that && file.equals(that.file) && start == that.start
        && end == that.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, start, end);
  }

  @Override
  public String toString() {
    return "TextFileSource(" + file + (isSplittable() ? " [" + start + ", " + end + ")" : "") + ")";
  }

  /**
   * The number (from 1) of the line of {@code file} that starts at {@code byteOffset}: one more
   * than the lines starting before it. Reads the file up to there; for error messages only.
   */
  static long lineNumberAt(Path file, long byteOffset) throws IOException {
    long before = 0;
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      for (long at = lines.nextLineStart(); at >= 0 && at < byteOffset; at = lines.nextLineStart()) {
        lines.skipLine();
        before++;
      }
    }
    return before + 1;
  }

  /** Reads the lines starting in the range, in order. */
  private static final class Reader extends BoundedReader<String> {
    private final TextFileSource source;
    private LineReader lines;
    private String current;

    Reader(TextFileSource source) {
      this.source = source;
    }

    @Override
    public boolean start() throws IOException {
      try {
        lines = open();
      } catch (IOException e) {
        throw cannotRead(e);
      }
      return advance();
    }

    private LineReader open() throws IOException {
      Path path = source.file();
      if (!source.isSplittable()) {
        return new LineReader(gunzip(path));
      }
      if (source.start == 0) {
        return new LineReader(Files.newInputStream(path));
      }
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        channel.position(source.start - 1);
        LineReader reader = new LineReader(Channels.newInputStream(channel), source.start - 1);
        reader.skipLine();
        return reader;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    private IOException cannotRead(IOException e) {
      return new IOException("TextIO.read(): cannot read " + source.file + ": " + e, e);
    }

    private static InputStream gunzip(Path path) throws IOException {
      InputStream in = Files.newInputStream(path);
      try {
        return new GZIPInputStream(in, 64 * 1024);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    }

    @Override
    public boolean advance() throws IOException {
      current = null;
      try {
        long at = lines.nextLineStart();
        if (at < 0 || (source.isSplittable() && at >= source.end)) {
          return false;
        }
        current = lines.readLine();
        return true;
      } catch (LineReader.MalformedLineException e) {
        long number = source.start == 0 || !source.isSplittable() ? e.lineNumber()
            : lineNumberAt(source.file(), e.byteOffset());
        throw new IOException("TextIO.read(): " + source.file + ": line " + number
            + " (starting at byte offset " + e.byteOffset() + ") is not valid UTF-8; TextIO"
            + " reads UTF-8 only", e);
      } catch (IOException e) {
        throw cannotRead(e);
      }
    }

    @Override
    public String getCurrent() {
      if (current == null) {
        throw new NoSuchElementException(source + ": no current line (reading has not started"
            + " or has ended)");
      }
      return current;
    }

    @Override
    public TextFileSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.close();
      }
    }
  }
}
