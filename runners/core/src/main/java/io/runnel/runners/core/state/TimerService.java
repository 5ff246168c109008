package io.runnel.runners.core.state;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The pending timers of one transform for the key groups of one {@link KeyGroupRange}, per key
 * and namespace. A timer is due once its domain's clock is strictly after its fire time; due
 * timers come in fire-time order, ties in the order they were set. Event-time timers with an
 * output time hold the output watermark there until they fire ({@link #outputHold}), in an
 * ordered structure, so a hold costs a logarithm to move. Snapshots are per key-group range and
 * keep every time at full precision. Implementations need not be thread-safe: one thread owns a
 * timer service at a time.
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

  /** The pending timer at {@code address}, or null. */
  TimerData get(TimerData.Address address);

  /** Deletes the pending timer at {@code address}, if any. */
  void delete(TimerData.Address address);

  /** Deletes every pending timer of {@code key} in {@code namespace}. */
  void deleteAll(StateKey key, StateNamespace namespace);

  /**
   * Removes and returns the earliest timer of {@code domain} due at {@code now} (fire time
   * strictly before it), ties in the order they were set; null if none is due.
   */
  TimerData removeNextDue(TimeDomain domain, Instant now);

  /**
   * Fires the timers of {@code domain} due at {@code now}, one at a time in order, by calling
   * {@code callback} with each after removing it; a timer the callback sets that is due fires in
   * the same call. Returns how many fired.
   */
  default int fireDue(TimeDomain domain, Instant now, Consumer<TimerData> callback) {
    int fired = 0;
    for (TimerData due = removeNextDue(domain, now); due != null;
        due = removeNextDue(domain, now)) {
      callback.accept(due);
      fired++;
    }
    return fired;
  }

  /** The earliest fire time of a pending timer of {@code domain}, or null. */
  Instant nextFireTime(TimeDomain domain);

  /**
   * The earliest output time of a pending event-time timer, where it holds the output watermark;
   * or null. Processing-time timers hold nothing, as in Beam's direct runner.
   */
  Instant outputHold();

  /**
   * {@link #outputHold()} if it is before {@code limit}, else null: all a caller needs that
   * takes the minimum of the hold and a watermark {@code limit}, and cheaper to answer when
   * timers move.
   */
  default Instant outputHoldBefore(Instant limit) {
    Instant hold = outputHold();
    return hold != null && hold.isBefore(limit) ? hold : null;
  }

  /** How many timers are pending. */
  int size();

  /** Calls {@code action} with every pending timer, in no particular order. */
  void forEach(Consumer<TimerData> action);

  /** Every pending timer of the key groups of {@code range}, encoded for {@link #restore}. */
  byte[] snapshot(KeyGroupRange range);

  /**
   * Adds the timers of a {@link #snapshot}, replacing the pending timers of the key groups it
   * covers; ties keep the order they had.
   */
  void restore(byte[] snapshot);
}
