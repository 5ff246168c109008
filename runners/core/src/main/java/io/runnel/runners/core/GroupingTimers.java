package io.runnel.runners.core;

import io.runnel.runners.core.triggers.TimeDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The pending timers of a {@link WindowedGrouping}, per time domain, ordered by time and then by
 * when they were set, so firing order is deterministic. A window holds at most one timer per
 * domain and time. A timer at {@code t} is due once its clock is strictly after {@code t}, as in
 * Beam's timer internals. Owned by one thread.
 */
final class GroupingTimers {
  /** One pending timer of a window. */
  static final class Timer {
    final Instant time;
    final TimeDomain domain;
    final long sequence;
    final WindowState<?, ?, ?> owner;

    Timer(Instant time, TimeDomain domain, long sequence, WindowState<?, ?, ?> owner) {
      this.time = time;
      this.domain = domain;
      this.sequence = sequence;
      this.owner = owner;
    }

    boolean sameAs(Instant otherTime, TimeDomain otherDomain) {
      return domain == otherDomain && time.equals(otherTime);
    }
  }

  private static final Comparator<Timer> ORDER =
      Comparator.comparing((Timer t) -> t.time).thenComparingLong(t -> t.sequence);

  private final TreeSet<Timer> eventTimers = new TreeSet<>(ORDER);
  private final TreeSet<Timer> processingTimers = new TreeSet<>(ORDER);
  private long nextSequence;

  /** Sets a timer for {@code owner} unless it already has one at that time and domain. */
  void set(WindowState<?, ?, ?> owner, Instant time, TimeDomain domain) {
    for (Timer existing : owner.timers) {
      if (existing.sameAs(time, domain)) {
        return;
      }
    }
    Timer timer = new Timer(time, domain, nextSequence++, owner);
    owner.timers.add(timer);
    timers(domain).add(timer);
  }

  /** Deletes every timer of {@code owner}. */
  void deleteAll(WindowState<?, ?, ?> owner) {
    for (Timer timer : owner.timers) {
      timers(timer.domain).remove(timer);
    }
    owner.timers.clear();
  }

  /**
   * Removes and returns the timers due at the given clocks: event-time timers before {@code
   * inputWatermark}, then processing-time timers before {@code processingTime}, each in order.
   */
  List<Timer> removeDue(Instant inputWatermark, Instant processingTime) {
    List<Timer> due = new ArrayList<>();
    pollDue(eventTimers, inputWatermark, due);
    pollDue(processingTimers, processingTime, due);
    return due;
  }

  private static void pollDue(TreeSet<Timer> timers, Instant now, List<Timer> due) {
    while (!timers.isEmpty() && now.isAfter(timers.first().time)) {
      Timer timer = timers.pollFirst();
      timer.owner.timers.remove(timer);
      due.add(timer);
    }
  }

  /** The earliest pending event-time timer, or null. */
  Instant nextEventTime() {
    return eventTimers.isEmpty() ? null : eventTimers.first().time;
  }

  /** The earliest pending processing-time timer, or null. */
  Instant nextProcessingTime() {
    return processingTimers.isEmpty() ? null : processingTimers.first().time;
  }

  private TreeSet<Timer> timers(TimeDomain domain) {
    return domain == TimeDomain.EVENT_TIME ? eventTimers : processingTimers;
  }
}
