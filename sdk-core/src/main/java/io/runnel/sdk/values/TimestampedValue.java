package io.runnel.sdk.values;

import java.time.Instant;
import java.util.Objects;

/** A value with an event timestamp, as given to {@code Create.timestamped}. Immutable. */
public final class TimestampedValue<V> {
  private final V value;
  private final Instant timestamp;

  private TimestampedValue(V value, Instant timestamp) {
    this.value = value;
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
  }

  public static <V> TimestampedValue<V> of(V value, Instant timestamp) {
    return new TimestampedValue<>(value, timestamp);
  }

  public V getValue() {
    return value;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampedValue<?> other
        && Objects.deepEquals(value, other.value)
        && timestamp.equals(other.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, timestamp);
  }

  @Override
  public String toString() {
    return "TimestampedValue(" + value + ", " + timestamp + ")";
  }
}
