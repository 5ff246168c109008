package io.runnel.testing.conformance;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.SerializableCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.windowing.BoundedWindow;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An unbounded source that reads given strings, {@code "value@millis"} each (timestamps not
 * decreasing), as {@code value} timestamped {@code millis} after the epoch, and then ends: its
 * watermark is the timestamp of the next element to read, and the end of time once all are read.
 * It hands out {@link #BATCH} elements per run of {@code advance()} calls, then says it has none
 * for now once, as a source waiting for input does. It splits round-robin into up to the number
 * of parts asked for. Made {@link #deliveringTwice}, it delivers each element twice with the same
 * record id (the element's text, so elements must then be distinct) and asks the runner to drop
 * the copies. Immutable; keeps its data in itself, and its
 * checkpoint mark is the position of the next element, so it works in any JVM.
 */
final class ListUnboundedSource extends UnboundedSource<String, ListUnboundedSource.Position> {
  private static final long serialVersionUID = 1L;
  /** Elements read before a reader says "nothing now" once. */
  static final int BATCH = 3;

  private final List<String> items;
  private final boolean twice;

  private ListUnboundedSource(List<String> items, boolean twice) {
    this.items = List.copyOf(items);
    this.twice = twice;
  }

  static ListUnboundedSource of(List<String> items) {
    return new ListUnboundedSource(items, false);
  }

  static ListUnboundedSource deliveringTwice(List<String> items) {
    return new ListUnboundedSource(items, true);
  }

  /** The next element to read, counting deliveries (each element twice when delivering twice). */
  record Position(int next) implements UnboundedSource.CheckpointMark, Serializable {
    @Override
    public void finalizeCheckpoint() {}
  }

  @Override
  public List<ListUnboundedSource> split(int desiredNumSplits, PipelineOptions options) {
    int parts = Math.max(1, Math.min(desiredNumSplits, items.size()));
    List<ListUnboundedSource> splits = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      List<String> mine = new ArrayList<>();
      for (int i = part; i < items.size(); i += parts) {
        mine.add(items.get(i));
      }
      splits.add(new ListUnboundedSource(mine, twice));
    }
    return splits;
  }

  @Override
  public boolean requiresDeduping() {
    return twice;
  }

  @Override
  public UnboundedReader<String> createReader(PipelineOptions options, Position mark) {
    int deliveries = twice ? 2 : 1;
    return new UnboundedReader<>() {
      private int next = mark == null ? 0 : mark.next();
      private int inBatch;
      private String current;

      @Override
      public boolean start() {
        return advance();
      }

      @Override
      public boolean advance() {
        current = null;
        if (next >= items.size() * deliveries) {
          return false;
        }
        if (inBatch == BATCH) {
          inBatch = 0;
          return false;
        }
        inBatch++;
        current = items.get(next++ / deliveries);
        return true;
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
        return millisOf(current);
      }

      @Override
      public byte[] getCurrentRecordId() {
        if (current == null) {
          throw new NoSuchElementException();
        }
        return current.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public Instant getWatermark() {
        return next >= items.size() * deliveries ? BoundedWindow.TIMESTAMP_MAX_VALUE
            : millisOf(items.get(next / deliveries));
      }

      @Override
      public Position getCheckpointMark() {
        return new Position(next);
      }

      @Override
      public UnboundedSource<String, ?> getCurrentSource() {
        return ListUnboundedSource.this;
      }

      @Override
      public void close() {}
    };
  }

  private static Instant millisOf(String item) {
    return Instant.ofEpochMilli(Long.parseLong(item.substring(item.lastIndexOf('@') + 1)));
  }

  @Override
  public Coder<Position> getCheckpointMarkCoder() {
    return SerializableCoder.of(Position.class);
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public String toString() {
    return "ListUnboundedSource(" + items.size() + " elements" + (twice ? ", each twice" : "")
        + ")";
  }
}
