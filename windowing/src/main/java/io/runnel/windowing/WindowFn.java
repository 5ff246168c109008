package io.runnel.windowing;

import io.runnel.sdk.coders.Coder;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;

/**
 * Assigns elements to windows and, for merging functions such as sessions, merges windows.
 * Implementations are serializable values: two instances that assign alike should be equal.
 *
 * @param <T> the type of element assigned
 * @param <W> the type of window
 */
public abstract class WindowFn<T, W extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What {@link #assignWindows} sees of an element. */
  public abstract class AssignContext {
    /** The element being assigned. */
    public abstract T element();

    /** The element's event timestamp. */
    public abstract Instant timestamp();

    /** The window the element was in before this assignment. */
    public abstract BoundedWindow window();
  }

  /** What {@link #mergeWindows} sees: the windows in a key's state, and a way to merge them. */
  public abstract class MergeContext {
    /** The windows currently active for the key. */
    public abstract Collection<W> windows();

    /** Replaces {@code toBeMerged} by {@code mergeResult}. */
    public abstract void merge(Collection<W> toBeMerged, W mergeResult) throws Exception;
  }

  /** The windows the element belongs to; never empty. */
  public abstract Collection<W> assignWindows(AssignContext c) throws Exception;

  /** Merges windows; does nothing for non-merging functions. */
  public abstract void mergeWindows(MergeContext c) throws Exception;

  /** Whether windows assigned by this function never merge. */
  public boolean isNonMerging() {
    return false;
  }

  /** Whether each element is assigned to exactly one window. */
  public boolean assignsToOneWindow() {
    return false;
  }

  /** Whether {@code other} assigns elements to the same windows as this function. */
  public boolean isCompatible(WindowFn<?, ?> other) {
    return equals(other);
  }

  /** The coder of this function's windows. */
  public abstract Coder<W> windowCoder();

  /**
   * The latest timestamp an output of {@code window} may carry. The default is the window's end,
   * which is what every built-in function uses.
   */
  public Instant getOutputTime(Instant inputTimestamp, W window) {
    return inputTimestamp;
  }
}
