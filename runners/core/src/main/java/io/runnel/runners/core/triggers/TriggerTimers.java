package io.runnel.runners.core.triggers;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;

/**
 * What a trigger state machine sees of time for one window: the current clocks, and a way to ask
 * for a wake-up. A timer at {@code t} is due once its clock is strictly after {@code t}, as in
 * Beam.
 */
public interface TriggerTimers {
  /** The input watermark; never null. */
  Instant currentEventTime();

  /** The current processing time; never null. */
  Instant currentProcessingTime();

  /** Asks to be woken when {@code domain}'s clock passes {@code time}; setting it twice is a no-op. */
  void setTimer(Instant time, TimeDomain domain);
}
