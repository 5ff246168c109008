package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.BoundedWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The bounded source behind {@link Create}: the values, encoded with the element coder when the
 * transform is applied, each followed by its encoded timestamp for {@code Create.timestamped}.
 * Its estimated size is the size of that encoding. It splits, as Beam's {@code CreateSource},
 * into consecutive ranges of elements: a range ends once it holds at least {@code
 * desiredBundleSizeBytes} of encoded elements, and the last range also takes a remainder smaller
 * than a quarter of that, so every element is in exactly one split and the splits in order give
 * the elements in order. A reader decodes its range in order; elements of {@code Create.of} have
 * the minimum timestamp, those of {@code Create.timestamped} their own.
 *
 * <p>Immutable; a split holds a copy of its own bytes only, so it serializes small. Readers are
 * not thread-safe, except for their progress methods.
 *
 * @param <T> the type of the values
 */
final class CreateSource<T> extends BoundedSource<T> {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 200;

  private final Coder<T> coder;
  private final boolean timestamped;
  /** The elements, encoded one after another. */
  private final byte[] encoded;
  /** Where element {@code i} starts in {@link #encoded}; one more entry, the end, closes the last. */
  private final int[] starts;

  private CreateSource(Coder<T> coder, boolean timestamped, byte[] encoded, int[] starts) {
    this.coder = coder;
    this.timestamped = timestamped;
    this.encoded = encoded;
    this.starts = starts;
  }

  /**
   * A source of {@code values}, at the minimum timestamp.
   *
   * @param transformName names the transform in the error for a value {@code coder} cannot encode
   * @throws IllegalArgumentException naming the transform, the value and its position when the
   *     coder cannot encode it
   */
  static <T> CreateSource<T> fromValues(List<T> values, Coder<T> coder, String transformName) {
    Encoder<T> encoder = new Encoder<>(coder, transformName, values.size());
    for (T value : values) {
      encoder.add(value, null);
    }
    return encoder.build(false);
  }

  /**
   * A source of {@code values} with their timestamps.
   *
   * @throws IllegalArgumentException naming the transform, the value and its position when the
   *     coder cannot encode it, or its timestamp is outside [{@code TIMESTAMP_MIN_VALUE}, {@code
   *     TIMESTAMP_MAX_VALUE}]
   */
  static <T> CreateSource<T> fromTimestampedValues(List<TimestampedValue<T>> values,
      Coder<T> coder, String transformName) {
    Encoder<T> encoder = new Encoder<>(coder, transformName, values.size());
    for (TimestampedValue<T> value : values) {
      encoder.add(value.getValue(), value.getTimestamp());
    }
    return encoder.build(true);
  }

  /** The number of elements. */
  int size() {
    return starts.length - 1;
  }

  @Override
  public List<CreateSource<T>> split(long desiredBundleSizeBytes, PipelineOptions options) {
    long desired = Math.max(1, desiredBundleSizeBytes);
    int n = size();
    List<CreateSource<T>> splits = new ArrayList<>();
    int from = 0;
    while (from < n) {
      int to = from + 1;
      while (to < n && bytes(from, to) < desired) {
        to++;
      }
      if (bytes(to, n) < desired / 4) {
        to = n;
      }
      splits.add(from == 0 && to == n ? this : range(from, to));
      from = to;
    }
    return splits;
  }

  private long bytes(int from, int to) {
    return (long) starts[to] - starts[from];
  }

  private CreateSource<T> range(int from, int to) {
    int[] rangeStarts = new int[to - from + 1];
    for (int i = 0; i < rangeStarts.length; i++) {
      rangeStarts[i] = starts[from + i] - starts[from];
    }
    return new CreateSource<>(coder, timestamped,
        Arrays.copyOfRange(encoded, starts[from], starts[to]), rangeStarts);
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return encoded.length;
  }

  @Override
  public BoundedReader<T> createReader(PipelineOptions options) {
    return new Reader<>(this);
  }

  @Override
  public Coder<T> getOutputCoder() {
    return coder;
  }

  @Override
  public String toString() {
    return "CreateSource(" + size() + (timestamped ? " timestamped" : "") + " values, "
        + encoded.length + " bytes, " + coder + ")";
  }

  /** Encodes the values one after another, noting where each starts. */
  private static final class Encoder<T> {
    private final Coder<T> coder;
    private final String transformName;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int[] starts;
    private int count;

    Encoder(Coder<T> coder, String transformName, int size) {
      this.coder = coder;
      this.transformName = transformName;
      this.starts = new int[size + 1];
    }

    void add(T value, Instant timestamp) {
      starts[count] = out.size();
      try {
        coder.encode(value, out);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("Create '" + transformName + "' cannot encode its value at"
            + " index " + count + " ('" + abbreviate(value) + "') with " + coder + ": " + e + ". Fix: give a"
            + " coder that encodes every value with .withCoder(coder)", e);
      }
      if (timestamp != null) {
        if (timestamp.isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE)
            || timestamp.isAfter(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
          throw new IllegalArgumentException("Create '" + transformName + "': the timestamp "
              + timestamp + " of the value at index " + count + " ('" + abbreviate(value) + "') is outside"
              + " [BoundedWindow.TIMESTAMP_MIN_VALUE, BoundedWindow.TIMESTAMP_MAX_VALUE]");
        }
        try {
          InstantCoder.of().encode(timestamp, out);
        } catch (IOException e) {
          throw new IllegalStateException("cannot encode timestamp " + timestamp, e);
        }
      }
      count++;
    }

    CreateSource<T> build(boolean timestamped) {
      starts[count] = out.size();
      return new CreateSource<>(coder, timestamped, out.toByteArray(), starts);
    }
  }

  private static String abbreviate(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      text = value.getClass().getName() + " (toString failed: " + e + ")";
    }
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }

  /** Decodes the elements in order. Progress is readable from other threads. */
  private static final class Reader<T> extends BoundedReader<T> {
    private final CreateSource<T> source;
    /** The index of the current element; -1 before start, {@code size()} once done. */
    private volatile int index = -1;
    private T current;
    private Instant currentTimestamp;

    Reader(CreateSource<T> source) {
      this.source = source;
    }

    @Override
    public boolean start() throws IOException {
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      int next = index + 1;
      if (next >= source.size()) {
        index = source.size();
        current = null;
        return false;
      }
      int start = source.starts[next];
      int length = source.starts[next + 1] - start;
      ByteArrayInputStream in = new ByteArrayInputStream(source.encoded, start, length);
      current = source.coder.decode(in);
      currentTimestamp = source.timestamped ? InstantCoder.of().decode(in)
          : BoundedWindow.TIMESTAMP_MIN_VALUE;
      if (in.available() != 0) {
        throw new IOException(source.coder + " decoded the element at index " + next + " of " + source
            + " from fewer bytes than it encoded it to");
      }
      index = next;
      return true;
    }

    @Override
    public T getCurrent() {
      checkCurrent();
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      checkCurrent();
      return currentTimestamp;
    }

    private void checkCurrent() {
      int at = index;
      if (at < 0 || at >= source.size()) {
        throw new NoSuchElementException(source + ": no current element (reading has not"
            + " started or has ended)");
      }
    }

    @Override
    public CreateSource<T> getCurrentSource() {
      return source;
    }

    @Override
    public Double getFractionConsumed() {
      int at = index;
      int size = source.size();
      if (at < 0) {
        return 0.0;
      }
      return at >= size ? 1.0 : (double) at / size;
    }

    @Override
    public long getSplitPointsConsumed() {
      return Math.max(0, Math.min(index, source.size()));
    }

    @Override
    public long getSplitPointsRemaining() {
      int at = index;
      return at >= source.size() ? 0 : source.size() - Math.max(0, at);
    }

    @Override
    public void close() {}
  }
}
