package io.runnel.sdk.io;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.options.PipelineOptions;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link Source} of an input that keeps growing, read with {@code Read.from(source)} into an
 * unbounded {@code PCollection}. A runner {@link #split}s it once into parallel parts and reads
 * each with an {@link UnboundedReader}; to survive failures, it periodically takes a {@link
 * CheckpointMark} from each reader, stores it (encoded with {@link #getCheckpointMarkCoder()})
 * together with what was read before it, and later resumes with {@link #createReader(
 * PipelineOptions, CheckpointMark)}. The reader's {@linkplain UnboundedReader#getWatermark()
 * watermark} tells how complete the input is in event time.
 *
 * @param <OutputT> the type of the elements read
 * @param <CheckpointMarkT> the type of the readers' checkpoint marks
 */
public abstract class UnboundedSource<OutputT, CheckpointMarkT extends UnboundedSource.CheckpointMark>
    extends Source<OutputT> {
  private static final long serialVersionUID = 1L;

  /**
   * Splits this source into parts that together read all of its input, each element by exactly
   * one part: for example one part per partition of a topic. The result should have about {@code
   * desiredNumSplits} parts, but may have fewer (a source that cannot split returns a list
   * holding itself) or more. Called before any reader is created.
   */
  public abstract List<? extends UnboundedSource<OutputT, CheckpointMarkT>> split(
      int desiredNumSplits, PipelineOptions options) throws Exception;

  /**
   * A new reader of this source, resuming after {@code checkpointMark}: its first element is the
   * first one not read when the mark was taken.
   *
   * @param checkpointMark a mark taken from a reader of this same source, or null to start at
   *     the beginning
   */
  public abstract UnboundedReader<OutputT> createReader(
      PipelineOptions options, CheckpointMarkT checkpointMark) throws IOException;

  /** The coder the runner stores this source's checkpoint marks with. */
  public abstract Coder<CheckpointMarkT> getCheckpointMarkCoder();

  /**
   * Whether the runner must drop elements whose {@linkplain UnboundedReader#getCurrentRecordId()
   * record id} it has already seen: true for inputs that may deliver a record twice, such as a
   * queue whose acknowledgements (sent by {@link CheckpointMark#finalizeCheckpoint()}) can be
   * lost. False by default: sources whose checkpoint marks say exactly what was read need no
   * deduplication.
   */
  public boolean requiresDeduping() {
    return false;
  }

  /**
   * The progress of an {@link UnboundedReader}, such as an offset per partition: enough to
   * resume reading right after the last element read before it was taken. Immutable once
   * returned.
   */
  public interface CheckpointMark {
    /** A mark with nothing to finalize, for sources that need no acknowledgement. */
    NoopCheckpointMark NOOP_CHECKPOINT_MARK = new NoopCheckpointMark();

    /**
     * Called once the runner has durably committed this mark together with every element read
     * before it, for example to acknowledge those messages to the queue they came from.
     *
     * <p>Best effort, as Beam's: it may be called from any thread, concurrently with the reader
     * that made the mark (which may no longer exist); in the absence of failures marks are
     * finalized in the order they were taken, but a mark may never be finalized, and a reader may
     * resume from a mark that was not.
     */
    void finalizeCheckpoint() throws IOException;

    /** The type of {@link #NOOP_CHECKPOINT_MARK}: finalizing it does nothing. */
    final class NoopCheckpointMark implements CheckpointMark, Serializable {
      private static final long serialVersionUID = 1L;

      private NoopCheckpointMark() {}

      @Override
      public void finalizeCheckpoint() {}

      private Object readResolve() {
        return NOOP_CHECKPOINT_MARK;
      }

      @Override
      public String toString() {
        return "NOOP_CHECKPOINT_MARK";
      }
    }
  }

  /**
   * A {@link Source.Reader} of an input that keeps growing. {@link #start} and {@link #advance}
   * return {@code false} when no element is available now; the runner calls {@link #advance}
   * again later, so they must not block waiting for input. Used by one thread at a time.
   *
   * @param <OutputT> the type of the elements read
   */
  public abstract static class UnboundedReader<OutputT> extends Source.Reader<OutputT> {
    /** Returned by the backlog methods when the backlog is unknown. */
    public static final long BACKLOG_UNKNOWN = -1L;

    private static final byte[] NO_RECORD_ID = new byte[0];

    /**
     * Initializes the reader and reads the first element: for a reader created from a checkpoint
     * mark, the first one not read when the mark was taken. Called exactly once.
     *
     * @return whether an element is available now
     */
    @Override
    public abstract boolean start() throws IOException;

    /**
     * Reads the next element if one is available now.
     *
     * @return whether an element was read; {@code false} means none is available yet, not that
     *     the input ended (it ends when the {@linkplain #getWatermark() watermark} reaches {@code
     *     BoundedWindow.TIMESTAMP_MAX_VALUE})
     */
    @Override
    public abstract boolean advance() throws IOException;

    /**
     * An id of the current record, equal for every delivery of the same logical record, that
     * the runner deduplicates by when {@link UnboundedSource#requiresDeduping()}; a hash should
     * have at least 16 bytes. By default: an empty id, or, when the source requires deduping,
     * an {@link IllegalStateException} asking to override this method.
     *
     * @throws NoSuchElementException as {@link #getCurrent}
     */
    public byte[] getCurrentRecordId() throws NoSuchElementException {
      if (getCurrentSource().requiresDeduping()) {
        throw new IllegalStateException(getClass().getName() + " must override"
            + " getCurrentRecordId(): its source " + getCurrentSource()
            + " requires deduping");
      }
      return NO_RECORD_ID;
    }

    /**
     * A lower bound on the timestamps of the elements this reader will still read: elements
     * behind it are late. Keep it as high as possible, since downstream windows close only once
     * it passes their end; {@code BoundedWindow.TIMESTAMP_MAX_VALUE} means the input has ended.
     * May be called after {@code start} or {@code advance} returned {@code false}, never before
     * {@code start}.
     */
    public abstract Instant getWatermark();

    /**
     * The progress of this reader so far, to resume from. Elements read since the previous call
     * (or since the reader was created) form one bundle; once the runner has durably committed
     * their results and this mark, it calls {@link CheckpointMark#finalizeCheckpoint()} on it at
     * most once. Never called before {@code start}.
     */
    public abstract CheckpointMark getCheckpointMark();

    /** Bytes not yet read in this split of the source, or {@link #BACKLOG_UNKNOWN} (the default). */
    public long getSplitBacklogBytes() {
      return BACKLOG_UNKNOWN;
    }

    /** Bytes not yet read in all splits of the source, or {@link #BACKLOG_UNKNOWN} (the default). */
    public long getTotalBacklogBytes() {
      return BACKLOG_UNKNOWN;
    }

    /** The source this reader was created from; it never changes. */
    @Override
    public abstract UnboundedSource<OutputT, ?> getCurrentSource();
  }
}
