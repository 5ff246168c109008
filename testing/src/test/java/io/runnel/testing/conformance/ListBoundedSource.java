package io.runnel.testing.conformance;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.options.PipelineOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A bounded source of the given strings, {@code "value@millis"} read as {@code value} timestamped
 * {@code millis} after the epoch. Splits into contiguous runs of about the desired size (10 bytes
 * per element), or not at all if made {@link #unsplittable}. Immutable; keeps its data in itself,
 * so it works in any JVM.
 */
final class ListBoundedSource extends BoundedSource<String> {
  private static final long serialVersionUID = 1L;
  private static final long BYTES_PER_ELEMENT = 10;

  private final List<String> items;
  private final boolean splittable;

  private ListBoundedSource(List<String> items, boolean splittable) {
    this.items = List.copyOf(items);
    this.splittable = splittable;
  }

  /** A source of {@code items}, each {@code "value@millis"}. */
  static ListBoundedSource of(List<String> items) {
    return new ListBoundedSource(items, true);
  }

  /** A source of {@code items} whose {@code split} returns itself. */
  static ListBoundedSource unsplittable(List<String> items) {
    return new ListBoundedSource(items, false);
  }

  @Override
  public List<ListBoundedSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    if (!splittable) {
      return List.of(this);
    }
    int per = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
        desiredBundleSizeBytes / BYTES_PER_ELEMENT));
    List<ListBoundedSource> parts = new ArrayList<>();
    for (int start = 0; start < items.size(); start += per) {
      parts.add(new ListBoundedSource(items.subList(start, Math.min(items.size(), start + per)),
          true));
    }
    return parts;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return BYTES_PER_ELEMENT * items.size();
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) {
    return new BoundedReader<>() {
      private int next;
      private String current;

      @Override
      public boolean start() {
        return advance();
      }

      @Override
      public boolean advance() {
        current = next < items.size() ? items.get(next++) : null;
        return current != null;
      }

      @Override
      public String getCurrent() {
        if (current == null) {
          throw new NoSuchElementException();
        }
        return current.substring(0, current.lastIndexOf('@'));
      }

      @Override
      public Instant getCurrentTimestamp() {
        if (current == null) {
          throw new NoSuchElementException();
        }
        return Instant.ofEpochMilli(Long.parseLong(current.substring(current.lastIndexOf('@') + 1)));
      }

      @Override
      public void close() {}

      @Override
      public BoundedSource<String> getCurrentSource() {
        return ListBoundedSource.this;
      }
    };
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public String toString() {
    return "ListBoundedSource(" + items.size() + " elements)";
  }
}
