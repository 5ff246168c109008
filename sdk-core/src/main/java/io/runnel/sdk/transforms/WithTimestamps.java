package io.runnel.sdk.transforms;

import io.runnel.sdk.values.PCollection;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets each element's timestamp to {@code fn(element)}: {@code WithTimestamps.of(e ->
 * e.eventTime())}. A timestamp earlier than the element's current one fails, unless allowed by
 * {@link #withAllowedTimestampSkew}.
 */
public final class WithTimestamps<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;
  private final SerializableFunction<T, Instant> fn;
  private final Duration allowedSkew;

  private WithTimestamps(SerializableFunction<T, Instant> fn, Duration allowedSkew) {
    this.fn = fn;
    this.allowedSkew = allowedSkew;
  }

  /** Timestamps each element by {@code fn}. */
  public static <T> WithTimestamps<T> of(SerializableFunction<T, Instant> fn) {
    if (fn == null) {
      // NullPointerException with Beam's words, so a ported test of this check passes.
      throw new NullPointerException("WithTimestamps fn cannot be null: give the function that"
          + " returns each element's timestamp, WithTimestamps.of(e -> e.eventTime())");
    }
    return new WithTimestamps<>(fn, Duration.ZERO);
  }

  /** Allows new timestamps up to {@code skew} before the element's current timestamp. */
  public WithTimestamps<T> withAllowedTimestampSkew(Duration skew) {
    return new WithTimestamps<>(fn, skew);
  }

  public Duration getAllowedTimestampSkew() {
    return allowedSkew;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply(ParDo.of(new TimestampFn<>(fn, allowedSkew))).setCoder(input.getCoder());
  }

  private static final class TimestampFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<T, Instant> fn;
    private final Duration allowedSkew;

    TimestampFn(SerializableFunction<T, Instant> fn, Duration allowedSkew) {
      this.fn = fn;
      this.allowedSkew = allowedSkew;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      Instant timestamp = fn.apply(element);
      if (timestamp == null) {
        throw new IllegalArgumentException("WithTimestamps: the function returned a null timestamp"
            + " for element " + element);
      }
      out.outputWithTimestamp(element, timestamp);
    }

    @Override
    public Duration getAllowedTimestampSkew() {
      return allowedSkew;
    }
  }
}
