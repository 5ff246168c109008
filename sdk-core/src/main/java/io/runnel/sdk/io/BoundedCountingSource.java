package io.runnel.sdk.io;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.options.PipelineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The numbers of {@code [start, end)}, 8 bytes each for size estimates. Splits as Beam's
 * offset-based sources do: into consecutive ranges of {@code max(1, desiredBundleSizeBytes / 8)}
 * numbers, the last range absorbing a remainder smaller than a quarter of that. Immutable.
 */
final class BoundedCountingSource extends BoundedSource<Long> {
  private static final long serialVersionUID = 1L;
  static final long BYTES_PER_ELEMENT = 8;

  private final long start;
  private final long end;

  BoundedCountingSource(long start, long end) {
    this.start = start;
    this.end = end;
  }

  long getStart() {
    return start;
  }

  long getEnd() {
    return end;
  }

  @Override
  public List<BoundedCountingSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    long perSplit = Math.max(1, desiredBundleSizeBytes / BYTES_PER_ELEMENT);
    List<BoundedCountingSource> splits = new ArrayList<>();
    long from = start;
    while (from < end) {
      long to = end - from <= perSplit ? end : from + perSplit;
      if (end - to < perSplit / 4) {
        to = end;
      }
      splits.add(new BoundedCountingSource(from, to));
      from = to;
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return saturatedMultiply(end - start, BYTES_PER_ELEMENT);
  }

  @Override
  public BoundedReader<Long> createReader(PipelineOptions options) {
    return new Reader(this);
  }

  @Override
  public Coder<Long> getOutputCoder() {
    return VarLongCoder.of();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BoundedCountingSource that && start == that.start && end == that.end;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start) * 31 + Long.hashCode(end);
  }

  @Override
  public String toString() {
    return "CountingSource[" + start + ", " + end + ")";
  }

  private static long saturatedMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : Long.MAX_VALUE;
  }

  /** Reads the range in order. Progress is readable from other threads. */
  private static final class Reader extends BoundedReader<Long> {
    private final BoundedCountingSource source;
    /** The next number to read. */
    private volatile long next;
    private volatile boolean started;
    private volatile boolean hasCurrent;
    private volatile boolean done;

    Reader(BoundedCountingSource source) {
      this.source = source;
      this.next = source.start;
    }

    @Override
    public boolean start() {
      started = true;
      return advance();
    }

    @Override
    public boolean advance() {
      if (next >= source.end) {
        hasCurrent = false;
        done = true;
        return false;
      }
      next++;
      hasCurrent = true;
      return true;
    }

    @Override
    public Long getCurrent() {
      if (!hasCurrent) {
        throw new NoSuchElementException(source + ": no current element (reading has not"
            + " started or has ended)");
      }
      return next - 1;
    }

    @Override
    public BoundedCountingSource getCurrentSource() {
      return source;
    }

    @Override
    public Double getFractionConsumed() {
      if (done || source.end == source.start) {
        return started ? 1.0 : 0.0;
      }
      // Numbers before the current one are consumed: (current - start) / (end - start).
      long consumed = started ? next - 1 - source.start : 0;
      return (double) consumed / ((double) source.end - source.start);
    }

    @Override
    public long getSplitPointsConsumed() {
      return done ? source.end - source.start : Math.max(0, next - 1 - source.start);
    }

    @Override
    public long getSplitPointsRemaining() {
      return done ? 0 : source.end - Math.max(source.start, next - 1);
    }

    @Override
    public void close() {}
  }
}
