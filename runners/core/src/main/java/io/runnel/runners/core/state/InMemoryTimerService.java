package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.state.TimeDomain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A {@link TimerService} on the heap: timers indexed by address and by namespace, ordered per
 * domain by fire time and then by when they were set, with a count of output holds per time.
 *
 * <p>The time order is brought up to date lazily: {@link #set} and {@link #delete} only touch
 * the address index and note the address, and the first query that needs the order ({@link
 * #nextFireTime}, {@link #removeNextDue}, {@link #outputHold}, {@link #snapshot}) re-sorts the
 * noted addresses. A timer moved many times between two watermark advances (the usual "fire at
 * the end of this minute" pattern) therefore costs hash lookups, not tree operations, per set.
 * Not thread-safe.
 */
public final class InMemoryTimerService implements TimerService {
  private record Pending(TimerData timer, long sequence) {}

  private static final Comparator<Pending> ORDER =
      Comparator.comparing((Pending p) -> p.timer().fireTime()).thenComparingLong(Pending::sequence);

  private static final int FORMAT_VERSION = 1;

  private final Map<TimerData.Address, Pending> byAddress = new HashMap<>();
  private final Map<StateNamespace, Set<TimerData.Address>> byNamespace = new HashMap<>();
  private final Map<TimeDomain, TreeSet<Pending>> byTime = new HashMap<>();
  private final TreeMap<Instant, Integer> holds = new TreeMap<>();
  /** What the time order and holds currently hold, per address; differs from byAddress for dirty addresses. */
  private final Map<TimerData.Address, Pending> ordered = new HashMap<>();
  /** Addresses set or deleted since the time order was last brought up to date. */
  private Set<TimerData.Address> dirty = new LinkedHashSet<>();
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
    }
    dirty.add(address);
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
    dirty.add(address);
  }

  /** Brings the time order and the holds up to date with the addresses set or deleted since. */
  private void sortDirty() {
    if (dirty.isEmpty()) {
      return;
    }
    for (TimerData.Address address : dirty) {
      Pending before = ordered.remove(address);
      if (before != null) {
        unlink(before);
      }
      Pending now = byAddress.get(address);
      if (now != null) {
        ordered.put(address, now);
        ordered(now.timer().domain()).add(now);
        if (holdsWatermark(now.timer())) {
          holds.merge(now.timer().outputTime(), 1, Integer::sum);
        }
      }
    }
    // A cleared hash set keeps its table, and clearing walks it: after a large sort, start a
    // new set so that the many small sorts that follow (one per fired timer) stay small.
    dirty = dirty.size() > 1024 ? new LinkedHashSet<>() : dirty;
    dirty.clear();
  }

  /** Removes a pending timer from the time order and releases its hold. */
  private void unlink(Pending pending) {
    ordered(pending.timer().domain()).remove(pending);
    if (holdsWatermark(pending.timer())) {
      holds.computeIfPresent(pending.timer().outputTime(), (t, n) -> n == 1 ? null : n - 1);
    }
  }

  /**
   * Only event-time timers hold the (event-time) output watermark, as in Beam's direct runner;
   * a processing-time timer's output timestamp only stamps its outputs.
   */
  private static boolean holdsWatermark(TimerData timer) {
    return timer.outputTime() != null && timer.domain() == TimeDomain.EVENT_TIME;
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
    sortDirty();
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
    sortDirty();
    TreeSet<Pending> pending = ordered(domain);
    return pending.isEmpty() ? null : pending.first().timer().fireTime();
  }

  @Override
  public Instant outputHold() {
    sortDirty();
    return holds.isEmpty() ? null : holds.firstKey();
  }

  @Override
  public int size() {
    return byAddress.size();
  }

  @Override
  public void forEach(Consumer<TimerData> action) {
    byAddress.values().forEach(pending -> action.accept(pending.timer()));
  }

  /**
   * Every pending timer, encoded in one array for {@link #restore}: per timer its namespace's
   * key and window bytes, family, id, domain, fire time and output time (milliseconds), in the
   * order they fire.
   */
  public byte[] snapshot() {
    sortDirty();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(byAddress.size());
      for (TreeSet<Pending> pending : byTime.values()) {
        for (Pending p : pending) {
          TimerData t = p.timer();
          writeBytes(out, t.namespace().key().getValue());
          writeBytes(out, t.namespace().window().getValue());
          out.writeUTF(t.familyId());
          out.writeUTF(t.timerId());
          out.writeUTF(t.domain().name());
          out.writeLong(t.fireTime().toEpochMilli());
          out.writeBoolean(t.outputTime() != null);
          out.writeLong(t.outputTime() == null ? 0 : t.outputTime().toEpochMilli());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Replaces all pending timers with those of a {@link #snapshot()}. */
  public void restore(byte[] snapshot) {
    List<TimerData> restored = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(snapshot))) {
      int version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("Unknown timer snapshot format version " + version
            + "; this service reads version " + FORMAT_VERSION);
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        StateNamespace namespace = new StateNamespace(
            new Coder.StructuralByteArray(readBytes(in)), new Coder.StructuralByteArray(readBytes(in)));
        String familyId = in.readUTF();
        String timerId = in.readUTF();
        TimeDomain domain = TimeDomain.valueOf(in.readUTF());
        Instant fireTime = Instant.ofEpochMilli(in.readLong());
        boolean holds = in.readBoolean();
        long output = in.readLong();
        restored.add(new TimerData(namespace, familyId, timerId, domain, fireTime,
            holds ? Instant.ofEpochMilli(output) : null));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Corrupt timer snapshot: " + e, e);
    }
    byAddress.clear();
    byNamespace.clear();
    byTime.clear();
    holds.clear();
    ordered.clear();
    dirty.clear();
    restored.forEach(this::set);
  }

  private static void writeBytes(DataOutputStream out, byte[] value)
      throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] value = new byte[in.readInt()];
    in.readFully(value);
    return value;
  }

  private TreeSet<Pending> ordered(TimeDomain domain) {
    return byTime.computeIfAbsent(domain, d -> new TreeSet<>(ORDER));
  }
}
