package io.runnel.sdk.state;

import java.time.Instant;

/**
 * A family of timers declared with {@code @TimerFamily}: any number of timers, each named by a
 * string chosen at run time, all calling the family's {@code @OnTimerFamily} method, which can
 * ask for the firing timer's name with a {@code @TimerId String} parameter. Valid only inside
 * the {@code DoFn} call that received it; not thread-safe.
 */
public interface TimerMap {
  /** Sets the timer {@code timerId} of this family to fire at {@code absoluteTime}. */
  void set(String timerId, Instant absoluteTime);

  /** The timer {@code timerId} of this family, to set, clear or configure. */
  Timer get(String timerId);
}
