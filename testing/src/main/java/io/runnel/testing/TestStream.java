package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.runners.ScriptedStream;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An unbounded source for tests that replays a script: elements with timestamps, watermark
 * advances and processing-time advances, in the order written:
 *
 * <pre>{@code
 * TestStream<String> events = TestStream.create(StringUtf8Coder.of())
 *     .addElements(TimestampedValue.of("a", t(1)))
 *     .advanceWatermarkTo(t(60))
 *     .advanceProcessingTime(Duration.ofMinutes(1))
 *     .advanceWatermarkToInfinity();
 * }</pre>
 *
 * <p>Under a {@code TestStream} processing time is virtual: it starts at {@link
 * BoundedWindow#TIMESTAMP_MIN_VALUE}, as in Beam, and moves only with {@code
 * advanceProcessingTime}, so processing-time triggers fire deterministically and tests never
 * sleep. The runner processes everything an event causes before the next event.
 */
public final class TestStream<T> extends PTransform<PBegin, PCollection<T>> implements ScriptedStream<T> {
  private static final long serialVersionUID = 1L;
  private final Coder<T> coder;
  private final List<Event<T>> events;

  private TestStream(Coder<T> coder, List<Event<T>> events) {
    this.coder = coder;
    this.events = List.copyOf(events);
  }

  /** Starts a script of elements encoded with {@code coder}. */
  public static <T> Builder<T> create(Coder<T> coder) {
    return new Builder<>(coder, new ArrayList<>(), BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  @Override
  public List<Event<T>> getEvents() {
    return events;
  }

  @Override
  public Coder<T> getValueCoder() {
    return coder;
  }

  @Override
  public PCollection<T> expand(PBegin input) {
    return PCollection.createPrimitiveOutputInternal(input.getPipeline(),
        WindowingStrategy.globalDefault(), PCollection.IsBounded.UNBOUNDED, coder);
  }

  /** Builds a {@link TestStream}; each call returns a new builder. Immutable. */
  public static final class Builder<T> {
    private final Coder<T> coder;
    private final List<Event<T>> events;
    private final Instant watermark;

    private Builder(Coder<T> coder, List<Event<T>> events, Instant watermark) {
      this.coder = coder;
      this.events = events;
      this.watermark = watermark;
    }

    /** Adds elements at the current watermark (they are not late). */
    @SafeVarargs
    public final Builder<T> addElements(T element, T... more) {
      List<TimestampedValue<T>> timestamped = new ArrayList<>();
      timestamped.add(TimestampedValue.of(element, watermark));
      for (T t : more) {
        timestamped.add(TimestampedValue.of(t, watermark));
      }
      return addAll(timestamped);
    }

    /** Adds elements with their own timestamps; they may be late. */
    @SafeVarargs
    public final Builder<T> addElements(TimestampedValue<T> element, TimestampedValue<T>... more) {
      List<TimestampedValue<T>> all = new ArrayList<>();
      all.add(element);
      all.addAll(Arrays.asList(more));
      return addAll(all);
    }

    private Builder<T> addAll(List<TimestampedValue<T>> elements) {
      for (TimestampedValue<T> element : elements) {
        if (!element.getTimestamp().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)
            || element.getTimestamp().isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE)) {
          throw new IllegalArgumentException("TestStream element " + element.getValue()
              + " has timestamp " + element.getTimestamp() + ", outside the range of event time");
        }
      }
      return with(new ElementEvent<>(elements), watermark);
    }

    /** Advances the watermark to {@code newWatermark}, which must be later than the current one. */
    public Builder<T> advanceWatermarkTo(Instant newWatermark) {
      if (!newWatermark.isAfter(watermark)) {
        throw new IllegalArgumentException("TestStream watermark must advance: " + newWatermark
            + " is not after the current " + BoundedWindow.formatTimestamp(watermark));
      }
      if (!newWatermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        throw new IllegalArgumentException("TestStream watermark " + newWatermark
            + " is at or past the end of time (" + BoundedWindow.TIMESTAMP_MAX_VALUE
            + "); use advanceWatermarkToInfinity()");
      }
      return with(new WatermarkEvent<>(newWatermark), newWatermark);
    }

    /** Advances processing time by {@code amount}, which must be positive. */
    public Builder<T> advanceProcessingTime(Duration amount) {
      if (amount.isNegative() || amount.isZero()) {
        throw new IllegalArgumentException("TestStream processing time must advance by a positive"
            + " amount: " + amount);
      }
      return with(new ProcessingTimeEvent<>(amount), watermark);
    }

    /** Advances the watermark to the end of time and ends the script. */
    public TestStream<T> advanceWatermarkToInfinity() {
      List<Event<T>> all = new ArrayList<>(events);
      all.add(new WatermarkEvent<>(BoundedWindow.TIMESTAMP_MAX_VALUE));
      return new TestStream<>(coder, all);
    }

    private Builder<T> with(Event<T> event, Instant newWatermark) {
      List<Event<T>> more = new ArrayList<>(events);
      more.add(event);
      return new Builder<>(coder, more, newWatermark);
    }
  }
}
