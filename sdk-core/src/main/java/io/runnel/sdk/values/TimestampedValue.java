package io.runnel.sdk.values;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.StructuredCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
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

  /**
   * Encodes a {@code TimestampedValue} as its value (with the value coder) and its timestamp
   * ({@link InstantCoder}, at full precision), as Beam's coder of that name; the default coder of
   * {@code TimestampedValue<T>} in every registry. Deterministic when the value coder is.
   */
  public static final class TimestampedValueCoder<T> extends StructuredCoder<TimestampedValue<T>> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> valueCoder;

    private TimestampedValueCoder(Coder<T> valueCoder) {
      this.valueCoder = Objects.requireNonNull(valueCoder, "valueCoder");
    }

    /** A coder of {@code TimestampedValue<T>} whose values {@code valueCoder} encodes. */
    public static <T> TimestampedValueCoder<T> of(Coder<T> valueCoder) {
      return new TimestampedValueCoder<>(valueCoder);
    }

    /** The coder of the values. */
    public Coder<T> getValueCoder() {
      return valueCoder;
    }

    @Override
    public void encode(TimestampedValue<T> value, OutputStream out) throws IOException {
      if (value == null) {
        throw new CoderException(this + " cannot encode a null TimestampedValue");
      }
      valueCoder.encode(value.getValue(), out);
      InstantCoder.of().encode(value.getTimestamp(), out);
    }

    @Override
    public TimestampedValue<T> decode(InputStream in) throws IOException {
      T value = valueCoder.decode(in);
      return TimestampedValue.of(value, InstantCoder.of().decode(in));
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(valueCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      verifyDeterministic(this, "its value coder must be deterministic", valueCoder);
    }
  }
}
