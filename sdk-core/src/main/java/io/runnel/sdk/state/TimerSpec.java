package io.runnel.sdk.state;

import java.io.Serializable;

/**
 * The declaration of a timer (on a {@code @TimerId} field) or of a timer family (on a
 * {@code @TimerFamily} field), made with {@link TimerSpecs}. Immutable.
 */
public interface TimerSpec extends Serializable {
  /** The clock the timer is set against. */
  TimeDomain getTimeDomain();
}
