package io.runnel.runners.direct;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.options.PipelineOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded source of the strings {@code "b" + i} for i in {@code [from, to)}, each timestamped
 * {@code i} seconds after the epoch, splitting into contiguous ranges of about the desired size (8
 * bytes per element). It records the threads its readers read on, by run id, and fails where the
 * test asks ({@link Failure}). In-process only: the record is static.
 */
final class NumberedBoundedSource extends BoundedSource<String> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Set<Thread>> READER_THREADS = new ConcurrentHashMap<>();

  /** Where the source fails, if anywhere. */
  enum Failure { NONE, SPLIT, ESTIMATE_SIZE, CREATE_READER, READ }

  private final String runId;
  private final long from;
  private final long to;
  private final Failure failure;
  /** With {@link Failure#READ}: the element whose reading throws. */
  private final long failAt;

  NumberedBoundedSource(String runId, long from, long to, Failure failure, long failAt) {
    this.runId = runId;
    this.from = from;
    this.to = to;
    this.failure = failure;
    this.failAt = failAt;
  }

  static NumberedBoundedSource of(String runId, long count) {
    return new NumberedBoundedSource(runId, 0, count, Failure.NONE, -1);
  }

  static NumberedBoundedSource failing(String runId, long count, Failure failure, long failAt) {
    return new NumberedBoundedSource(runId, 0, count, failure, failAt);
  }

  /** The threads that read a source of {@code runId}, so far. */
  static Set<Thread> readerThreads(String runId) {
    return READER_THREADS.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet());
  }

  static void forget(String runId) {
    READER_THREADS.remove(runId);
  }

  @Override
  public List<NumberedBoundedSource> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws IOException {
    if (failure == Failure.SPLIT) {
      throw new IOException("cannot list the input of " + this);
    }
    long per = Math.max(1, desiredBundleSizeBytes / 8);
    List<NumberedBoundedSource> parts = new ArrayList<>();
    for (long start = from; start < to; start += per) {
      parts.add(new NumberedBoundedSource(runId, start, Math.min(to, start + per), failure,
          failAt));
    }
    return parts;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
    if (failure == Failure.ESTIMATE_SIZE) {
      throw new IOException("cannot size " + this);
    }
    return 8 * (to - from);
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) throws IOException {
    if (failure == Failure.CREATE_READER) {
      throw new IOException("cannot open " + this);
    }
    return new Reader();
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public String toString() {
    return "NumberedBoundedSource[" + from + ", " + to + ")";
  }

  private final class Reader extends BoundedReader<String> {
    private long next = from;
    private long current = -1;

    @Override
    public boolean start() throws IOException {
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      readerThreads(runId).add(Thread.currentThread());
      if (next >= to) {
        current = -1;
        return false;
      }
      if (failure == Failure.READ && next == failAt) {
        throw new IOException("bad record at offset " + next);
      }
      current = next++;
      return true;
    }

    @Override
    public String getCurrent() {
      if (current < 0) {
        throw new NoSuchElementException();
      }
      return "b" + current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      getCurrent();
      return Instant.ofEpochSecond(current);
    }

    @Override
    public void close() {}

    @Override
    public BoundedSource<String> getCurrentSource() {
      return NumberedBoundedSource.this;
    }
  }
}
