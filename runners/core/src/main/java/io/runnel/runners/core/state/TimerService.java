package io.runnel.runners.core.state;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The pending user timers of one stateful {@code DoFn} instance, for all its keys and windows.
 * A timer is due once its domain's clock is strictly after its fire time. Implementations
 * need not be thread-safe: one thread owns a timer service.
 */
public interface TimerService {
  /** Sets a timer, replacing the pending timer with the same {@link TimerData#address()}. */
  void set(TimerData timer);

  /**
   * Sets a timer as {@link #set(TimerData)} does, given what an earlier call for the same address
   * returned (or null), and returns what to give the next call for that address. A caller that
   * keeps a record per timer can so spare the service its lookup by address; a service may
   * ignore the handle and return null.
   */
  default Object set(TimerData timer, Object handle) {
    set(timer);
    return null;
  }

  /** Deletes the pending timer at {@code address}, if any. */
  void delete(TimerData.Address address);

  /** Deletes every pending timer of {@code namespace}. */
  void deleteAll(StateNamespace namespace);

  /**
   * Removes and returns the earliest timer of {@code domain} due at {@code now} (fire time
   * strictly before it), ties in the order they were set; null if none is due.
   */
  TimerData removeNextDue(TimeDomain domain, Instant now);

  /** The earliest fire time of a pending timer of {@code domain}, or null. */
  Instant nextFireTime(TimeDomain domain);

  /**
   * The earliest output time of a pending event-time timer, where it holds the output watermark;
   * or null. Processing-time timers hold nothing, as in Beam's direct runner.
   */
  Instant outputHold();

  /** How many timers are pending. */
  int size();

  /** Calls {@code action} with every pending timer, in no particular order. */
  void forEach(Consumer<TimerData> action);
}
