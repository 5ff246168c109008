package io.runnel.sdk.io;

import io.runnel.sdk.coders.Coder;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * Where a {@link Read} takes its elements from: a serializable description of some input, and a
 * factory of {@link Reader}s that read it. Extend {@link BoundedSource} for finite input and
 * {@link UnboundedSource} for input that keeps growing; do not extend this class directly.
 *
 * <p>A source is built in the main program and shipped, Java-serialized, to wherever the runner
 * reads it, possibly many times and after splitting. It must therefore be effectively immutable:
 * mutable fields may only cache the results of expensive computations, and must be {@code
 * transient}. Override {@link Object#toString()}: errors and progress reports name the source by
 * it.
 *
 * @param <T> the type of the elements read
 */
public abstract class Source<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Checks the source's configuration when its {@code Read} is applied; throws (usually an
   * {@link IllegalArgumentException} naming the bad setting) to reject it. Does nothing by
   * default.
   */
  public void validate() {}

  /**
   * The coder of the elements this source reads; {@code Read} gives it to its output. Sources
   * must override it: the default throws {@link UnsupportedOperationException}, and {@code Read}
   * turns that into an error naming the source.
   */
  public Coder<T> getOutputCoder() {
    throw new UnsupportedOperationException(getClass().getName() + " does not override"
        + " getOutputCoder()");
  }

  /**
   * Reads the elements of a source, one at a time. The protocol, as Beam's: call {@link #start}
   * once; then, as long as the reader is needed, {@link #advance}. After a call of either that
   * returned {@code true}, the {@code getCurrent}* methods describe the element read, and return
   * the same values until the next call; after one that returned {@code false} (and before
   * {@code start}) they throw {@link NoSuchElementException}. Finally call {@link #close}.
   *
   * <pre>{@code
   * try (Source.Reader<T> reader = ...) {
   *   for (boolean more = reader.start(); more; more = reader.advance()) {
   *     process(reader.getCurrent(), reader.getCurrentTimestamp());
   *   }
   * }
   * }</pre>
   *
   * <p>Readers are not thread-safe: one thread at a time calls them, except {@link
   * #getCurrentSource}, which must be safe to call from any thread.
   *
   * @param <T> the type of the elements read
   */
  public abstract static class Reader<T> implements AutoCloseable {
    /**
     * Initializes the reader (this may be expensive: opening files, connecting) and reads the
     * first element. Called exactly once, before any other method.
     *
     * @return whether an element was read
     */
    public abstract boolean start() throws IOException;

    /**
     * Reads the next element. Called only after {@link #start}.
     *
     * @return whether an element was read
     */
    public abstract boolean advance() throws IOException;

    /**
     * The element read by the last {@link #start} or {@link #advance}. It must be effectively
     * immutable and stay valid after the reader moves on.
     *
     * @throws NoSuchElementException before {@code start}, or when the last {@code start} or
     *     {@code advance} returned {@code false}
     */
    public abstract T getCurrent() throws NoSuchElementException;

    /**
     * The event timestamp of the current element; {@code BoundedWindow.TIMESTAMP_MIN_VALUE} for
     * a source without timestamps.
     *
     * @throws NoSuchElementException as {@link #getCurrent}
     */
    public abstract Instant getCurrentTimestamp() throws NoSuchElementException;

    /** Releases the reader's resources; it cannot be used afterwards. */
    @Override
    public abstract void close() throws IOException;

    /**
     * A source describing everything this reader reads, including what it has already read.
     * Usually the source it was created from. Thread-safe.
     */
    public abstract Source<T> getCurrentSource();
  }
}
