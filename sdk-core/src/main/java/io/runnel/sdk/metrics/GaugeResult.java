package io.runnel.sdk.metrics;

import io.runnel.windowing.BoundedWindow;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The value of a {@link Gauge}: the latest value and the wall-clock time it was set. Immutable value. */
public final class GaugeResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final GaugeResult EMPTY = new GaugeResult(-1L, BoundedWindow.TIMESTAMP_MIN_VALUE);

  private final long value;
  private final Instant timestamp;

  private GaugeResult(long value, Instant timestamp) {
    this.value = value;
    this.timestamp = timestamp;
  }

  public static GaugeResult create(long value, Instant timestamp) {
    return new GaugeResult(value, Objects.requireNonNull(timestamp, "timestamp"));
  }

  /**
   * The result of a gauge never set, e.g. its committed value while no bundle that set it has
   * committed: value {@code -1} (as in Beam) at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}, so any
   * real value is later.
   */
  public static GaugeResult empty() {
    return EMPTY;
  }

  public long getValue() {
    return value;
  }

  /** When the value was set, by the wall clock of the process that set it. */
  public Instant getTimestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GaugeResult other && value == other.value && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(value) + timestamp.hashCode();
  }

  @Override
  public String toString() {
    return "GaugeResult{value=" + value + ", timestamp=" + timestamp + "}";
  }
}
