package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An element as runners move it: the value with its timestamp, windows and pane. Immutable;
 * the window collection is never modified after construction.
 */
public final class WindowedValue<T> {
  private static final List<GlobalWindow> GLOBAL = List.of(GlobalWindow.INSTANCE);

  private final T value;
  private final Instant timestamp;
  private final Collection<? extends BoundedWindow> windows;
  private final PaneInfo pane;

  private WindowedValue(T value, Instant timestamp, Collection<? extends BoundedWindow> windows, PaneInfo pane) {
    this.value = value;
    this.timestamp = timestamp;
    this.windows = windows;
    this.pane = pane;
  }

  /** A value in several windows. */
  public static <T> WindowedValue<T> of(
      T value, Instant timestamp, Collection<? extends BoundedWindow> windows, PaneInfo pane) {
    return new WindowedValue<>(value, Objects.requireNonNull(timestamp, "timestamp"), windows, pane);
  }

  /** A value in one window. */
  public static <T> WindowedValue<T> of(T value, Instant timestamp, BoundedWindow window, PaneInfo pane) {
    return new WindowedValue<>(value, Objects.requireNonNull(timestamp, "timestamp"),
        window instanceof GlobalWindow ? GLOBAL : List.of(window), pane);
  }

  /** A value in the global window at the minimum timestamp, never grouped. */
  public static <T> WindowedValue<T> valueInGlobalWindow(T value) {
    return new WindowedValue<>(value, BoundedWindow.TIMESTAMP_MIN_VALUE, GLOBAL, PaneInfo.NO_FIRING);
  }

  /** A value in the global window at {@code timestamp}, never grouped. */
  public static <T> WindowedValue<T> timestampedValueInGlobalWindow(T value, Instant timestamp) {
    return new WindowedValue<>(value, timestamp, GLOBAL, PaneInfo.NO_FIRING);
  }

  public T getValue() {
    return value;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  public Collection<? extends BoundedWindow> getWindows() {
    return windows;
  }

  public PaneInfo getPane() {
    return pane;
  }

  /** The same timestamp, windows and pane with another value. */
  public <U> WindowedValue<U> withValue(U newValue) {
    return new WindowedValue<>(newValue, timestamp, windows, pane);
  }

  /** Whether this value is in exactly one window. */
  public boolean isSingleWindow() {
    return windows.size() == 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowedValue<?> other
        && Objects.deepEquals(value, other.value)
        && timestamp.equals(other.timestamp)
        && windows.equals(other.windows)
        && pane.equals(other.pane);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, timestamp, windows, pane);
  }

  @Override
  public String toString() {
    return "WindowedValue{" + value + " @ " + BoundedWindow.formatTimestamp(timestamp) + " in "
        + windows + ", " + pane + "}";
  }
}
