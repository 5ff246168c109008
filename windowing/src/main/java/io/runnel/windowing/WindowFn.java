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
   * How an element of another collection, in any window, finds its window of a side input in
   * this function's windows. The built-in functions give Beam's defaults: the global window for
   * {@link GlobalWindows}; the window holding the main window's max timestamp for fixed and
   * calendar windows; the latest-starting such window for sliding windows. {@link Sessions}
   * cannot back a side input. A custom function used for side inputs overrides this.
   *
   * @throws UnsupportedOperationException when this function cannot back a side input
   */
  public WindowMappingFn<W> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot window a side input:"
        + " it gives no default WindowMappingFn; override getDefaultWindowMappingFn() to map a"
        + " main-input window to a window of this function");
  }

  /**
   * A mapping to the window this function assigns to the main window's max timestamp: the
   * default of functions that assign each timestamp to one window.
   */
  static <W extends BoundedWindow> WindowMappingFn<W> windowOfMaxTimestamp(
      WindowOfTimestamp<W> windowFor, String functionName) {
    return new WindowMappingFn<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public W getSideInputWindow(BoundedWindow mainWindow) {
        if (mainWindow instanceof GlobalWindow) {
          throw new IllegalArgumentException("An element in the global window cannot read a side"
              + " input windowed by " + functionName + ": there is no one window of it to read;"
              + " window the main input too, or the side input into the global window");
        }
        return windowFor.windowFor(mainWindow.maxTimestamp());
      }
    };
  }

  /** The one window a function assigns a timestamp to; serializable, as mappings travel. */
  interface WindowOfTimestamp<W extends BoundedWindow> extends Serializable {
    W windowFor(Instant timestamp);
  }

  /**
   * The latest timestamp an output of {@code window} may carry. The default is the window's end,
   * which is what every built-in function uses.
   */
  public Instant getOutputTime(Instant inputTimestamp, W window) {
    return inputTimestamp;
  }
}
