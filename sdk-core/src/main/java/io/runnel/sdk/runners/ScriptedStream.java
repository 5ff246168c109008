package io.runnel.sdk.runners;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.TimestampedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A root primitive whose output is a script of events: elements, watermark advances and
 * processing-time advances, replayed in order by a runner that supports it. {@code TestStream}
 * in the test kit implements it; runners find it through this interface, so they need not
 * depend on the test kit.
 *
 * @param <T> the element type
 */
public interface ScriptedStream<T> {
  /** The events, in order. */
  List<Event<T>> getEvents();

  /** The coder of the elements. */
  Coder<T> getValueCoder();

  /** One step of the script. */
  sealed interface Event<T> {}

  /** Elements arrive, with their event timestamps. */
  record ElementEvent<T>(List<TimestampedValue<T>> elements) implements Event<T> {
    public ElementEvent {
      elements = List.copyOf(elements);
    }
  }

  /** The source's watermark advances to {@code watermark} ({@code TIMESTAMP_MAX_VALUE}: done). */
  record WatermarkEvent<T>(Instant watermark) implements Event<T> {}

  /** Processing time advances by {@code advance}. */
  record ProcessingTimeEvent<T>(Duration advance) implements Event<T> {}
}
