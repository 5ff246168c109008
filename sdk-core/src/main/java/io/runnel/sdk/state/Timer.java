package io.runnel.sdk.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A timer of a stateful {@code DoFn}, scoped to the current key and window, declared with
 * {@code @TimerId} and a {@link TimerSpec}. When it fires, the runner calls the {@code @OnTimer}
 * method of the same id. A timer holds at most one firing time: setting it again replaces the
 * earlier setting, {@link #clear()} removes it.
 *
 * <p>Event-time timers fire when the input watermark passes their time and hold the output
 * watermark at their output timestamp until then; a timer set at or before the current
 * watermark fires at once. An event-time timer may not be set past the window's expiry (its
 * {@code maxTimestamp()} plus the allowed lateness). Processing-time timers fire when the
 * runner's clock (virtual under {@code TestStream}) passes their time.
 *
 * <p>The builder methods ({@link #offset}, {@link #align}, {@link #withOutputTimestamp}) change
 * how the next {@code set} or {@code setRelative} call sets this timer and return this timer.
 * Valid only inside the {@code DoFn} call that received it; not thread-safe.
 */
public interface Timer {
  /**
   * Sets the timer to fire at {@code absoluteTime}, in the timer's {@link TimeDomain}. The
   * offset and alignment, if given, are ignored.
   */
  void set(Instant absoluteTime);

  /**
   * Sets the timer relative to {@link #getCurrentRelativeTime()} ("now": the element's timestamp
   * for event time, the current processing time for processing time), as Beam does: without
   * {@link #align}, now plus the {@link #offset}; with {@code align(period)}, the first instant at
   * or after now where that instant plus the offset is a multiple of the period. An event-time
   * timer that would land after its window expires is set at the expiry.
   */
  void setRelative();

  /** Removes the timer's pending firing, if any. */
  void clear();

  /** Adds {@code offset} (may be negative) to the time {@link #setRelative()} uses. */
  Timer offset(Duration offset);

  /**
   * Aligns the time {@link #setRelative()} uses to the next multiple of {@code period} (since
   * the epoch) at or after it, before the offset is added. {@code period} must be positive.
   */
  Timer align(Duration period);

  /**
   * The timestamp of outputs from the {@code @OnTimer} call, and the time an event-time timer
   * holds the output watermark at. By default the firing time for event-time timers and the
   * input element's (or firing timer's) timestamp for processing-time timers.
   */
  Timer withOutputTimestamp(Instant outputTime);

  /** Sets no output timestamp, so the timer holds no watermark; outputs need explicit timestamps. */
  Timer withNoOutputTimestamp();

  /**
   * The time {@link #setRelative()} starts from: for event time, the timestamp of the current
   * element (or of the firing timer); for processing time, the current processing time.
   */
  Instant getCurrentRelativeTime();
}
