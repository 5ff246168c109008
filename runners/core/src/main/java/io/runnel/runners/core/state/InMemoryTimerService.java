package io.runnel.runners.core.state;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link TimerService} on the heap: timers ordered per domain by fire time and then by when
 * they were set, indexed by address and by namespace, and a count of output holds per time.
 * Every operation is logarithmic in the number of pending timers, but {@link #deleteAll}, linear
 * in the namespace's timers. Not thread-safe.
 */
public final class InMemoryTimerService implements TimerService {
  private record Pending(TimerData timer, long sequence) {}

  private static final Comparator<Pending> ORDER =
      Comparator.comparing((Pending p) -> p.timer().fireTime()).thenComparingLong(Pending::sequence);

  private final Map<TimerData.Address, Pending> byAddress = new HashMap<>();
  private final Map<StateNamespace, Set<TimerData.Address>> byNamespace = new HashMap<>();
  private final Map<TimeDomain, TreeSet<Pending>> byTime = new HashMap<>();
  private final TreeMap<Instant, Integer> holds = new TreeMap<>();
  private long nextSequence;

  /** Setting a timer exactly as it is pending keeps it, with its place among ties. */
  @Override
  public void set(TimerData timer) {
    TimerData.Address address = timer.address();
    Pending previous = byAddress.get(address);
    if (previous != null && previous.timer().equals(timer)) {
      return;
    }
    Pending pending = new Pending(timer, nextSequence++);
    byAddress.put(address, pending);
    if (previous == null) {
      byNamespace.computeIfAbsent(timer.namespace(), n -> new LinkedHashSet<>()).add(address);
    } else {
      unlink(previous);
    }
    ordered(timer.domain()).add(pending);
    if (timer.outputTime() != null) {
      holds.merge(timer.outputTime(), 1, Integer::sum);
    }
  }

  @Override
  public void delete(TimerData.Address address) {
    Pending pending = byAddress.remove(address);
    if (pending == null) {
      return;
    }
    Set<TimerData.Address> ofNamespace = byNamespace.get(address.namespace());
    ofNamespace.remove(address);
    if (ofNamespace.isEmpty()) {
      byNamespace.remove(address.namespace());
    }
    unlink(pending);
  }

  /** Removes a pending timer from the time order and releases its hold. */
  private void unlink(Pending pending) {
    ordered(pending.timer().domain()).remove(pending);
    Instant outputTime = pending.timer().outputTime();
    if (outputTime != null) {
      holds.computeIfPresent(outputTime, (t, n) -> n == 1 ? null : n - 1);
    }
  }

  @Override
  public void deleteAll(StateNamespace namespace) {
    Set<TimerData.Address> addresses = byNamespace.get(namespace);
    if (addresses != null) {
      for (TimerData.Address address : addresses.toArray(new TimerData.Address[0])) {
        delete(address);
      }
    }
  }

  @Override
  public TimerData removeNextDue(TimeDomain domain, Instant now) {
    TreeSet<Pending> pending = ordered(domain);
    if (pending.isEmpty() || !now.isAfter(pending.first().timer().fireTime())) {
      return null;
    }
    TimerData timer = pending.first().timer();
    delete(timer.address());
    return timer;
  }

  @Override
  public Instant nextFireTime(TimeDomain domain) {
    TreeSet<Pending> pending = ordered(domain);
    return pending.isEmpty() ? null : pending.first().timer().fireTime();
  }

  @Override
  public Instant outputHold() {
    return holds.isEmpty() ? null : holds.firstKey();
  }

  @Override
  public int size() {
    return byAddress.size();
  }

  private TreeSet<Pending> ordered(TimeDomain domain) {
    return byTime.computeIfAbsent(domain, d -> new TreeSet<>(ORDER));
  }
}
