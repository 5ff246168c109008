package io.runnel.sdk.io;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.windowing.BoundedWindow;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link Source} of finitely many elements, read with {@code Read.from(source)} into a bounded
 * {@code PCollection}. A runner may {@link #split} it into bundles read in parallel, guided by
 * {@link #getEstimatedSizeBytes}, before creating a {@link BoundedReader} for each.
 *
 * @param <T> the type of the elements read
 */
public abstract class BoundedSource<T> extends Source<T> {
  private static final long serialVersionUID = 1L;

  /**
   * Splits this source into sources that together read exactly its elements, each once, each
   * about {@code desiredBundleSizeBytes} large (a hint: splits may be larger or smaller). A
   * source that cannot split returns a list holding itself.
   *
   * @param desiredBundleSizeBytes the wanted size of each split, in bytes of the input
   */
  public abstract List<? extends BoundedSource<T>> split(
      long desiredBundleSizeBytes, PipelineOptions options) throws Exception;

  /**
   * An estimate of the size of the input, in bytes as stored (before decompression or parsing);
   * 0 when it cannot be estimated.
   */
  public abstract long getEstimatedSizeBytes(PipelineOptions options) throws Exception;

  /** A new reader of this source. */
  public abstract BoundedReader<T> createReader(PipelineOptions options) throws IOException;

  /**
   * A {@link Source.Reader} of a finite input. Once {@link #start} or {@link #advance} returned
   * {@code false}, neither is called again.
   *
   * <p>Threads: the reading methods are called by one thread; {@link #getFractionConsumed},
   * {@link #getCurrentSource}, {@link #getSplitPointsConsumed}, {@link #getSplitPointsRemaining}
   * and {@link #splitAtFraction} may be called from another thread while it reads, so a reader
   * that overrides them must make them thread-safe.
   *
   * @param <T> the type of the elements read
   */
  public abstract static class BoundedReader<T> extends Source.Reader<T> {
    /** Returned by {@link #getSplitPointsConsumed()} and {@link #getSplitPointsRemaining()}. */
    public static final long SPLIT_POINTS_UNKNOWN = -1;

    /**
     * About how much of {@link #getCurrentSource()} has been read, in [0, 1]: 0 before {@link
     * #start}, 1 once reading returned {@code false}, never decreasing; null when unknown (the
     * default).
     */
    public Double getFractionConsumed() {
      return null;
    }

    /**
     * How many split points (positions where a new reader could start) this reader has
     * consumed, the current one excluded; {@link #SPLIT_POINTS_UNKNOWN} by default.
     */
    public long getSplitPointsConsumed() {
      return SPLIT_POINTS_UNKNOWN;
    }

    /**
     * How many split points remain, the current one included; {@link #SPLIT_POINTS_UNKNOWN} by
     * default. Override only when the exact number is known.
     */
    public long getSplitPointsRemaining() {
      return SPLIT_POINTS_UNKNOWN;
    }

    /**
     * The source this reader reads now, including what it has already read. Without dynamic
     * splitting, the source it was created from; after a successful {@link #splitAtFraction},
     * the narrowed primary source.
     */
    @Override
    public abstract BoundedSource<T> getCurrentSource();

    /**
     * Dynamic splitting: narrows this reader to about {@code fraction} of its current source and
     * returns a source for the rest, or returns null, with no effect, when it cannot split there
     * (for example, it already read past that point). The records the reader read and will read,
     * plus those of the returned residual, are exactly those of the source before the call. It
     * must return quickly and be safe to call while the reader reads.
     *
     * <p>By default, returns null: the reader cannot split.
     *
     * @param fraction a position in [0, 1] of the current source
     */
    public BoundedSource<T> splitAtFraction(double fraction) {
      return null;
    }

    /** {@code BoundedWindow.TIMESTAMP_MIN_VALUE} by default: bounded input is often untimed. */
    @Override
    public Instant getCurrentTimestamp() throws NoSuchElementException {
      return BoundedWindow.TIMESTAMP_MIN_VALUE;
    }
  }
}
