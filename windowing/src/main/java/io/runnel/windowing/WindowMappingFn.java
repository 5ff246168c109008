package io.runnel.windowing;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Maps the window of a main-input element to the window of a side input it reads: a {@code
 * ParDo} in one-minute windows reading a side input in ten-minute windows reads the ten-minute
 * window that holds the end of its own. Each {@link WindowFn} gives its default through {@link
 * WindowFn#getDefaultWindowMappingFn()}. Immutable and serializable.
 *
 * @param <TargetWindowT> the side input's window type
 */
public abstract class WindowMappingFn<TargetWindowT extends BoundedWindow> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Duration maximumLookback;

  /** A mapping that never reads a window ending before the main window's. */
  protected WindowMappingFn() {
    this(Duration.ZERO);
  }

  /**
   * @param maximumLookback how far before a main window's start the side window it maps to may
   *     end; runners may drop side-input windows older than that
   */
  protected WindowMappingFn(Duration maximumLookback) {
    this.maximumLookback = Objects.requireNonNull(maximumLookback, "maximumLookback");
  }

  /** The side-input window that an element in {@code mainWindow} reads. */
  public abstract TargetWindowT getSideInputWindow(BoundedWindow mainWindow);

  /** How far back from the main window the side window may lie. */
  public final Duration maximumLookback() {
    return maximumLookback;
  }
}
