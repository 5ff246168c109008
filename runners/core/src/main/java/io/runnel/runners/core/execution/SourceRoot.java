package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.io.Source;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.windowing.BoundedWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root of a stage that reads a source: its splits, their readers, and its watermark.
 *
 * <p>A bounded source is split once, deterministically (into about {@value #BOUNDED_SPLITS}
 * parts, by its estimated size), and each split is read as one bundle. An unbounded source is
 * split into as many parts as the runner asks for; each split's reader is kept for the whole
 * run and read in bundles of at most a given number of elements or time: one bundle per split
 * in flight, a new one when the runner polls ({@link #poll}) once the last one committed, with a
 * growing pause while the reader has no data. The source's watermark is the minimum over its
 * splits of each reader's {@link UnboundedSource.UnboundedReader#getWatermark()}; a split that
 * brought no data for the idle timeout stops holding it back and rejoins the minimum when data
 * returns. A split is done once its watermark reaches the end of time, or, for a bounded read
 * of an unbounded source, once the records or the read time run out.
 *
 * <p>Checkpoint marks are finalized only after the bundle that read up to them committed, never
 * for a failed bundle. Reading happens on the thread that runs the bundle; everything else on
 * the coordinating thread.
 */
final class SourceRoot {
  private static final Logger LOG = LoggerFactory.getLogger(SourceRoot.class);
  /** The number of parts a bounded source is split into, whatever the runner's thread count. */
  static final int BOUNDED_SPLITS = 16;
  private static final long MAX_POLL_PAUSE_MILLIS = 100;

  private final Stage stage;
  private final Step.ReadStep step;
  private final PipelineOptions options;
  private final ReadLimits limits;
  private final List<Split> splits = new ArrayList<>();
  private final RecordIds seenIds;
  private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private boolean started;
  /** Marks of committed bundles, to finalize once the runner made the commit durable. */
  private final List<UnboundedSource.CheckpointMark> committedMarks = new ArrayList<>();

  /**
   * How much one bundle reads, and after how long without data a split is idle.
   *
   * @param maxElements the most elements a bundle of an unbounded split reads
   * @param maxTime the longest a bundle of an unbounded split reads
   * @param idleTimeout after how long without data a split stops holding the watermark back;
   *     null for never
   * @param unboundedSplits how many splits an unbounded source is asked for
   */
  record ReadLimits(int maxElements, Duration maxTime, Duration idleTimeout,
      int unboundedSplits) {}

  SourceRoot(Stage stage, Step.ReadStep step, PipelineOptions options, ReadLimits limits) {
    this.stage = stage;
    this.step = step;
    this.options = options;
    this.limits = limits;
    this.seenIds = step.source() instanceof UnboundedSource<?, ?> unbounded
        && unbounded.requiresDeduping() ? new RecordIds() : null;
  }

  Stage stage() {
    return stage;
  }

  /** Splits the source; queues every split of a bounded source. */
  void start(WorkQueue queue) {
    started = true;
    try {
      if (step.source() instanceof BoundedSource<?> bounded) {
        long size = bounded.getEstimatedSizeBytes(options);
        long desired = Math.max(1, size / BOUNDED_SPLITS);
        for (Source<?> split : bounded.split(desired, options)) {
          splits.add(new Split(split));
        }
        for (Split split : splits) {
          split.inFlight = true;
          queue.enqueueRead(stage, new ReadBundle(split));
        }
      } else {
        UnboundedSource<?, ?> unbounded = (UnboundedSource<?, ?>) step.source();
        boolean limited = step.maxNumRecords() != Long.MAX_VALUE;
        // As Beam: a read of at most n records asks for one split per 10,000 records (at most
        // 100), and each split reads its share of the n, so that, e.g., a counting source
        // limited to n yields exactly its first n numbers.
        int desired = limited ? (int) Math.min(100, step.maxNumRecords() / 10_000 + 1)
            : limits.unboundedSplits();
        List<? extends Source<?>> parts = unbounded.split(desired, options);
        for (int i = 0; i < parts.size(); i++) {
          Split split = new Split(parts.get(i));
          if (limited) {
            split.recordsLeft = step.maxNumRecords() / parts.size()
                + (i < step.maxNumRecords() % parts.size() ? 1 : 0);
          }
          splits.add(split);
        }
      }
    } catch (Exception e) {
      throw new TransformFailure(step.name(), "splitting source " + step.source(), null, e);
    }
    if (splits.isEmpty()) {
      watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
    }
  }

  /** Queues a bundle for every split of an unbounded source that is due for one at {@code now}. */
  boolean poll(WorkQueue queue, Instant now) {
    boolean queued = false;
    for (Split split : splits) {
      if (!split.finished && !split.inFlight && !split.bounded()
          && !now.isBefore(split.nextPoll)) {
        split.inFlight = true;
        queue.enqueueRead(stage, new ReadBundle(split));
        queued = true;
      }
    }
    return queued;
  }

  /** When a split is next due for a bundle, or null when none waits (all done or in flight). */
  Instant nextPoll() {
    Instant next = null;
    for (Split split : splits) {
      if (!split.finished && !split.inFlight && !split.bounded()
          && (next == null || split.nextPoll.isBefore(next))) {
        next = split.nextPoll;
      }
    }
    return next;
  }

  /** Whether every split is done. */
  boolean isFinished() {
    if (!started) {
      return false;
    }
    for (Split split : splits) {
      if (!split.finished) {
        return false;
      }
    }
    return true;
  }

  /** Whether this root reads an unbounded source (then processing time is the wall clock). */
  boolean isUnbounded() {
    return step.isUnbounded();
  }

  /** The source's watermark at {@code now}: see the class comment. */
  Instant watermark(Instant now) {
    if (isFinished()) {
      watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
      return watermark;
    }
    Instant min = null;
    for (Split split : splits) {
      if (split.finished || split.isIdle(now)) {
        continue;
      }
      if (min == null || split.watermark.isBefore(min)) {
        min = split.watermark;
      }
    }
    if (min != null && min.isAfter(watermark)) {
      watermark = min;
    }
    return watermark;
  }

  /**
   * Finalizes the checkpoint marks of every bundle committed so far: the runner calls this once
   * their outputs are durable (at once, or after a snapshot that holds them).
   */
  void finalizeCommitted() {
    List<UnboundedSource.CheckpointMark> marks = new ArrayList<>(committedMarks);
    committedMarks.clear();
    for (UnboundedSource.CheckpointMark mark : marks) {
      try {
        mark.finalizeCheckpoint();
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}: finalizing checkpoint mark {} failed; the source may read its records"
            + " again", step.name(), mark, e);
      }
    }
  }

  /** The queued bundle of split {@code index}, as {@link #indexOf} named it in a snapshot. */
  ReadBundle bundleOf(int index) {
    return new ReadBundle(splits.get(index));
  }

  /** The position of a queued bundle's split, to name it in a snapshot. */
  int indexOf(ReadBundle bundle) {
    return splits.indexOf(bundle.split);
  }

  /**
   * Where every split stands, for an engine snapshot: the split sources themselves, their
   * progress, watermarks and the checkpoint marks of their last committed bundles (readers are
   * made again from those marks when restored).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  byte[] snapshotState() {
    SnapshotStreams.Out out = new SnapshotStreams.Out().writeBoolean(started)
        .writeInstant(watermark).writeInt(splits.size());
    List<byte[]> ids = seenIds == null ? List.of() : seenIds.all();
    out.writeInt(ids.size());
    for (byte[] id : ids) {
      out.writeBytes(id);
    }
    for (Split split : splits) {
      out.writeBytes(io.runnel.sdk.internal.JavaSerialization.serialize(split.source,
          "a split of the source of " + step.name()));
      out.writeBoolean(split.inFlight).writeBoolean(split.finished)
          .writeInstant(split.watermark).writeInstant(split.nextPoll)
          .writeInstant(split.lastData).writeInstant(split.firstRead)
          .writeLong(split.pauseMillis).writeLong(split.recordsLeft);
      UnboundedSource.CheckpointMark mark = split.lastMark != null ? split.lastMark
          : split.restoredMark;
      out.writeBoolean(mark != null);
      if (mark != null) {
        out.writeValue((io.runnel.sdk.coders.Coder)
            ((UnboundedSource<?, ?>) split.source).getCheckpointMarkCoder(), mark);
      }
    }
    return out.toByteArray();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  void restoreState(byte[] state) {
    SnapshotStreams.In in = new SnapshotStreams.In(state);
    started = in.readBoolean();
    watermark = in.readInstant();
    int count = in.readInt();
    int idCount = in.readInt();
    for (int i = 0; i < idCount; i++) {
      seenIds.firstTime(in.readBytes());
    }
    splits.clear();
    for (int i = 0; i < count; i++) {
      Source<?> source = (Source<?>) io.runnel.sdk.internal.JavaSerialization.deserialize(
          in.readBytes(), "a split of the source of " + step.name());
      Split split = new Split(source);
      split.inFlight = in.readBoolean();
      split.finished = in.readBoolean();
      split.watermark = in.readInstant();
      split.nextPoll = in.readInstant();
      split.lastData = in.readInstant();
      split.firstRead = in.readInstant();
      split.pauseMillis = in.readLong();
      split.recordsLeft = in.readLong();
      if (in.readBoolean()) {
        split.restoredMark = (UnboundedSource.CheckpointMark) in.readValue((io.runnel.sdk.coders.Coder)
            ((UnboundedSource<?, ?>) source).getCheckpointMarkCoder());
      }
      splits.add(split);
    }
  }

  /** Closes every open reader; returns the first failure, if any. */
  RuntimeException close() {
    RuntimeException failure = null;
    for (Split split : splits) {
      try {
        split.closeReader();
      } catch (IOException | RuntimeException e) {
        failure = failure != null ? failure
            : new TransformFailure(step.name(), "closing the reader of " + split.source, null, e);
      }
    }
    return failure;
  }

  /** One split and its reader. */
  private final class Split {
    final Source<?> source;
    Source.Reader<?> reader;
    UnboundedSource.CheckpointMark restoredMark;
    boolean started;
    boolean inFlight;
    boolean finished;
    Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
    Instant nextPoll = BoundedWindow.TIMESTAMP_MIN_VALUE;
    /** When the split last brought data (or first was read); wall clock. */
    Instant lastData;
    /** When the split was first read; wall clock. */
    Instant firstRead;
    /** How many more records the split may read (a bounded read of an unbounded source). */
    long recordsLeft = Long.MAX_VALUE;
    /** The checkpoint mark of the last committed bundle, or null. */
    UnboundedSource.CheckpointMark lastMark;
    long pauseMillis;

    Split(Source<?> source) {
      this.source = source;
    }

    boolean bounded() {
      return source instanceof BoundedSource<?>;
    }

    boolean isIdle(Instant now) {
      return limits.idleTimeout() != null && lastData != null
          && !now.isBefore(lastData.plus(limits.idleTimeout()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Source.Reader<?> reader() throws IOException {
      if (reader == null) {
        reader = bounded() ? ((BoundedSource<?>) source).createReader(options)
            : ((UnboundedSource) source).createReader(options, restoredMark);
      }
      return reader;
    }

    void closeReader() throws IOException {
      if (reader != null) {
        Source.Reader<?> open = reader;
        reader = null;
        open.close();
      }
    }
  }

  /**
   * One bundle read from one split, lazily, on the thread that processes it: the whole split of
   * a bounded source, or up to the read limits of an unbounded one. Once its outputs are
   * committed ({@link #committed}), the split takes its new watermark and the bundle's
   * checkpoint mark is finalized.
   */
  final class ReadBundle implements Iterable<WindowedValue<?>> {
    private final Split split;
    private int read;
    private boolean exhausted;
    private Instant endWatermark;
    private UnboundedSource.CheckpointMark mark;

    ReadBundle(Split split) {
      this.split = split;
    }

    @Override
    public Iterator<WindowedValue<?>> iterator() {
      return new Iterator<>() {
        private WindowedValue<?> next;
        private boolean done;
        private final long deadline = System.nanoTime() + limits.maxTime().toNanos();

        @Override
        public boolean hasNext() {
          if (next == null && !done) {
            next = readNext(deadline);
            done = next == null;
            if (done) {
              finishReading();
            }
          }
          return next != null;
        }

        @Override
        public WindowedValue<?> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          WindowedValue<?> value = next;
          next = null;
          return value;
        }
      };
    }

    /** The next element of the split, or null when this bundle has read enough. */
    private WindowedValue<?> readNext(long deadline) {
      try {
        Source.Reader<?> reader = split.reader();
        if (split.firstRead == null) {
          split.firstRead = Instant.now();
        }
        while (true) {
          if (!split.bounded() && (read >= limits.maxElements()
              || System.nanoTime() - deadline > 0 || split.recordsLeft <= 0
              || readTimeUp())) {
            return null;
          }
          boolean more = split.started ? reader.advance() : reader.start();
          split.started = true;
          if (!more) {
            exhausted = true;
            return null;
          }
          if (seenIds != null && !seenIds.firstTime(
              ((UnboundedSource.UnboundedReader<?>) reader).getCurrentRecordId())) {
            continue;
          }
          if (split.recordsLeft != Long.MAX_VALUE) {
            split.recordsLeft--;
          }
          read++;
          return WindowedValue.timestampedValueInGlobalWindow(reader.getCurrent(),
              reader.getCurrentTimestamp());
        }
      } catch (IOException | RuntimeException e) {
        throw new TransformFailure(step.name(), "reading from source " + split.source, null, e);
      }
    }

    private boolean readTimeUp() {
      return step.maxReadTime() != null && split.firstRead != null
          && !Instant.now().isBefore(split.firstRead.plus(step.maxReadTime()));
    }

    /** Notes where the reader stands once the bundle has read what it will. */
    private void finishReading() {
      // A reader not started yet (the bundle read nothing) may not be asked anything.
      if (split.bounded() || !split.started) {
        return;
      }
      try {
        UnboundedSource.UnboundedReader<?> reader =
            (UnboundedSource.UnboundedReader<?>) split.reader();
        endWatermark = reader.getWatermark();
        mark = reader.getCheckpointMark();
      } catch (IOException | RuntimeException e) {
        throw new TransformFailure(step.name(), "taking the watermark and checkpoint mark of"
            + " source " + split.source, null, e);
      }
    }

    /** The bundle's outputs are committed: the split moves on (on the coordinating thread). */
    void committed() {
      split.inFlight = false;
      Instant now = Instant.now();
      if (split.bounded()) {
        split.finished = true;
        closeQuietly();
        return;
      }
      if (read > 0 || split.lastData == null) {
        split.lastData = now;
      }
      if (endWatermark != null && endWatermark.isAfter(split.watermark)) {
        split.watermark = endWatermark;
      }
      if (read > 0 && !exhausted) {
        split.pauseMillis = 0;
      } else {
        split.pauseMillis = Math.min(MAX_POLL_PAUSE_MILLIS, Math.max(1, split.pauseMillis * 2));
      }
      split.nextPoll = now.plusMillis(split.pauseMillis);
      if (!split.watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)
          || split.recordsLeft <= 0 || readTimeUp()) {
        split.finished = true;
      }
      if (mark != null) {
        split.lastMark = mark;
        committedMarks.add(mark);
      }
      if (split.finished) {
        closeQuietly();
      }
    }

    private void closeQuietly() {
      try {
        split.closeReader();
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}: closing the reader of {} failed", step.name(), split.source, e);
      }
    }
  }

  /** Record ids already read, for sources that ask for deduping; the last million are kept. */
  private static final class RecordIds {
    private static final int KEEP = 1 << 20;
    private final Map<java.nio.ByteBuffer, Boolean> seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<java.nio.ByteBuffer, Boolean> eldest) {
            return size() > KEEP;
          }
        };

    synchronized boolean firstTime(byte[] id) {
      return seen.put(java.nio.ByteBuffer.wrap(id.clone()), Boolean.TRUE) == null;
    }

    /** The ids kept, oldest first, for a snapshot. */
    synchronized List<byte[]> all() {
      List<byte[]> ids = new ArrayList<>(seen.size());
      for (java.nio.ByteBuffer id : seen.keySet()) {
        ids.add(id.array());
      }
      return ids;
    }
  }
}
