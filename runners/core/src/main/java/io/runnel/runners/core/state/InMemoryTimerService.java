package io.runnel.runners.core.state;

import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.state.TimeDomain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link TimerService} on the heap: one entry per pending timer, found by address (and by
 * namespace, for {@link #deleteAll}), and kept in two kinds of binary heap, each entry knowing
 * its place in them: per domain, by fire time and then by when it was set; and, for event-time
 * timers with an output timestamp, by that timestamp (the output hold). Setting, moving or
 * deleting a timer is one hash lookup and a sift in each heap, or, for a large batch of changes
 * between two looks at the heads, one linear rebuild of the heap; the next due timer and the
 * hold are at the heads. Not thread-safe.
 *
 * <p>Snapshot format (version 2): version byte, maximum parallelism, the range, then per timer
 * in firing order its key bytes, namespace, family, id, domain, and fire and output times
 * encoded with {@link InstantCoder} (full precision).
 */
public final class InMemoryTimerService implements TimerService {
  /** One pending timer and its places in the heaps. */
  private static final class Entry {
    final InMemoryTimerService owner;
    final TimerData.Address address;
    /** False once deleted or fired: a handle to it no longer finds the timer. */
    boolean pending = true;
    TimerData timer;
    /** The timer's fire and output times, unpacked so that comparing costs no indirection. */
    long fireSeconds;
    int fireNanos;
    long holdSeconds;
    int holdNanos;
    long sequence;
    int timeIndex = -1;
    int holdIndex = -1;
    /**
     * Where each heap has the entry sorted: the fire (or output) time and sequence it last
     * sifted it by, never after the current ones (see {@link EntryHeap}).
     */
    long timeSortSeconds;
    int timeSortNanos;
    long timeSortSequence;
    long holdSortSeconds;
    int holdSortNanos;
    long holdSortSequence;

    Entry(InMemoryTimerService owner, TimerData.Address address) {
      this.owner = owner;
      this.address = address;
    }
  }

  /**
   * A binary min-heap of entries that records each entry's index in the entry itself, ordered
   * by a sort key each entry keeps per heap (a time and a sequence). A timer moved later (a
   * growing session's end, a deadline pushed back) keeps its old, earlier sort key: the heap
   * stays ordered, the head's sort key is still a lower bound of every timer's time, and the
   * entry is sifted only if it comes to the head with a stale key. Moving one earlier sifts it
   * up at once. After more sifts than a sixteenth of its size without a look at the head (a
   * bundle's worth of moved timers), it stops sifting and rebuilds itself in linear time when
   * next looked at.
   */
  private static final class EntryHeap {
    private final boolean byHold;
    private Entry[] entries = new Entry[16];
    private int size;
    private int changesSinceLook;
    private boolean unordered;

    EntryHeap(boolean byHold) {
      this.byHold = byHold;
    }

    Entry peek() {
      return peekBefore(Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The head if its time is before the limit (given as epoch seconds and nanos), else null:
     * stale heads are sorted again only while they might be before the limit.
     */
    Entry peekBefore(long limitSeconds, int limitNanos) {
      if (unordered) {
        for (int i = 0; i < size; i++) {
          sortByCurrent(entries[i]);
        }
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
          siftDown(i);
        }
        unordered = false;
      }
      changesSinceLook = 0;
      while (size > 0 && isStale(entries[0]) && sortKeyBefore(entries[0], limitSeconds,
          limitNanos)) {
        sortByCurrent(entries[0]);
        siftDown(0);
      }
      // The head's sort key is at most its time, and at most every other entry's time.
      return size == 0 || !sortKeyBefore(entries[0], limitSeconds, limitNanos) ? null
          : entries[0];
    }

    private boolean sortKeyBefore(Entry e, long limitSeconds, int limitNanos) {
      long seconds = byHold ? e.holdSortSeconds : e.timeSortSeconds;
      int nanos = byHold ? e.holdSortNanos : e.timeSortNanos;
      return seconds < limitSeconds || (seconds == limitSeconds && nanos < limitNanos);
    }

    /** Adds the entry, or restores the order after its time or sequence changed. */
    void update(Entry entry) {
      int index = indexOf(entry);
      if (index < 0) {
        if (size == entries.length) {
          entries = Arrays.copyOf(entries, size * 2);
        }
        index = size++;
        sortByCurrent(entry);
        place(entry, index);
      } else if (unordered || !currentBeforeSortKey(entry)) {
        return; // later than where it is sorted (a new sequence is always later): lazily
      } else {
        sortByCurrent(entry);
      }
      if (!unordered && ++changesSinceLook > Math.max(64, size >>> 4)) {
        unordered = true;
      }
      if (!unordered) {
        siftUp(index);
      }
    }

    void remove(Entry entry) {
      int index = indexOf(entry);
      if (index < 0) {
        return;
      }
      setIndex(entry, -1);
      Entry last = entries[--size];
      entries[size] = null;
      if (index < size) {
        place(last, index);
        if (!unordered) {
          siftDown(siftUp(index));
        }
      }
    }

    /** The entries in heap order, for iteration. */
    List<Entry> toList() {
      return Arrays.asList(Arrays.copyOf(entries, size));
    }

    private int siftUp(int index) {
      Entry entry = entries[index];
      while (index > 0) {
        int parent = (index - 1) >>> 1;
        if (compare(entries[parent], entry) <= 0) {
          break;
        }
        place(entries[parent], index);
        index = parent;
      }
      place(entry, index);
      return index;
    }

    private void siftDown(int index) {
      Entry entry = entries[index];
      while (true) {
        int child = 2 * index + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && compare(entries[child + 1], entries[child]) < 0) {
          child++;
        }
        if (compare(entry, entries[child]) <= 0) {
          break;
        }
        place(entries[child], index);
        index = child;
      }
      place(entry, index);
    }

    /** Compares two entries by their sort keys in this heap. */
    private int compare(Entry a, Entry b) {
      return byHold
          ? compareKeys(a.holdSortSeconds, a.holdSortNanos, a.holdSortSequence,
              b.holdSortSeconds, b.holdSortNanos, b.holdSortSequence)
          : compareKeys(a.timeSortSeconds, a.timeSortNanos, a.timeSortSequence,
              b.timeSortSeconds, b.timeSortNanos, b.timeSortSequence);
    }

    /** Whether the entry's current time and sequence come before its sort key in this heap. */
    private boolean currentBeforeSortKey(Entry e) {
      return byHold
          ? compareKeys(e.holdSeconds, e.holdNanos, e.sequence,
              e.holdSortSeconds, e.holdSortNanos, e.holdSortSequence) < 0
          : compareKeys(e.fireSeconds, e.fireNanos, e.sequence,
              e.timeSortSeconds, e.timeSortNanos, e.timeSortSequence) < 0;
    }

    /** Whether the entry is sorted by a time or sequence it no longer has. */
    private boolean isStale(Entry e) {
      return byHold
          ? e.holdSortSequence != e.sequence || e.holdSortSeconds != e.holdSeconds
              || e.holdSortNanos != e.holdNanos
          : e.timeSortSequence != e.sequence || e.timeSortSeconds != e.fireSeconds
              || e.timeSortNanos != e.fireNanos;
    }

    private void sortByCurrent(Entry e) {
      if (byHold) {
        e.holdSortSeconds = e.holdSeconds;
        e.holdSortNanos = e.holdNanos;
        e.holdSortSequence = e.sequence;
      } else {
        e.timeSortSeconds = e.fireSeconds;
        e.timeSortNanos = e.fireNanos;
        e.timeSortSequence = e.sequence;
      }
    }

    private static int compareKeys(long aSeconds, int aNanos, long aSequence, long bSeconds,
        int bNanos, long bSequence) {
      if (aSeconds != bSeconds) {
        return aSeconds < bSeconds ? -1 : 1;
      }
      if (aNanos != bNanos) {
        return aNanos < bNanos ? -1 : 1;
      }
      return Long.compare(aSequence, bSequence);
    }

    private void place(Entry entry, int index) {
      entries[index] = entry;
      setIndex(entry, index);
    }

    private int indexOf(Entry entry) {
      return byHold ? entry.holdIndex : entry.timeIndex;
    }

    private void setIndex(Entry entry, int index) {
      if (byHold) {
        entry.holdIndex = index;
      } else {
        entry.timeIndex = index;
      }
    }
  }

  private static final int FORMAT_VERSION = 2;

  /** A key and one of its namespaces. */
  private record KeyNamespace(StateKey key, StateNamespace namespace) {}

  private final int maxParallelism;
  private final KeyGroupRange range;
  private final Map<TimerData.Address, Entry> byAddress = new HashMap<>();
  private final Map<KeyNamespace, List<Entry>> byNamespace = new HashMap<>();
  private final Map<TimeDomain, EntryHeap> byTime = new EnumMap<>(TimeDomain.class);
  private final EntryHeap holds = new EntryHeap(true);
  private long nextSequence;

  /** A timer service for every key group of a job with the default maximum parallelism. */
  public InMemoryTimerService() {
    this(KeyGroups.DEFAULT_MAX_PARALLELISM, KeyGroupRange.all(KeyGroups.DEFAULT_MAX_PARALLELISM));
  }

  /** A timer service for the key groups of {@code range} in a job of {@code maxParallelism}. */
  public InMemoryTimerService(int maxParallelism, KeyGroupRange range) {
    KeyGroups.checkMaxParallelism(maxParallelism);
    this.maxParallelism = maxParallelism;
    this.range = range;
  }

  /** Setting a timer exactly as it is pending keeps it, with its place among ties. */
  @Override
  public void set(TimerData timer) {
    set(timer, null);
  }

  /**
   * Sets a timer as {@link #set(TimerData)} does; a handle this service returned for the same
   * address, while that timer is still pending, spares the lookup by address.
   */
  @Override
  public Object set(TimerData timer, Object handle) {
    Entry entry = handle instanceof Entry known && known.owner == this && known.pending
        && known.address.namespace().equals(timer.namespace())
        && known.address.key().equals(timer.key())
        && known.address.timerId().equals(timer.timerId())
        && known.address.familyId().equals(timer.familyId()) ? known : null;
    if (entry == null) {
      TimerData.Address address = timer.address();
      entry = byAddress.get(address);
      if (entry == null) {
        if (!range.contains(timer.key().keyGroup())) {
          throw new IllegalArgumentException("Key group " + timer.key().keyGroup() + " of timer "
              + timer + " is not in this timer service's " + range);
        }
        entry = new Entry(this, address);
        byAddress.put(address, entry);
        byNamespace.computeIfAbsent(new KeyNamespace(timer.key(), timer.namespace()),
            n -> new ArrayList<>(2)).add(entry);
        update(entry, timer);
        return entry;
      }
    }
    if (!entry.timer.equals(timer)) {
      update(entry, timer);
    }
    return entry;
  }

  private void update(Entry entry, TimerData timer) {
    if (entry.timer != null && entry.timer.domain() != timer.domain()) {
      ordered(entry.timer.domain()).remove(entry);
    }
    entry.timer = timer;
    entry.fireSeconds = timer.fireTime().getEpochSecond();
    entry.fireNanos = timer.fireTime().getNano();
    if (timer.outputTime() != null) {
      entry.holdSeconds = timer.outputTime().getEpochSecond();
      entry.holdNanos = timer.outputTime().getNano();
    }
    entry.sequence = nextSequence++;
    ordered(timer.domain()).update(entry);
    if (holdsWatermark(timer)) {
      holds.update(entry);
    } else {
      holds.remove(entry);
    }
  }

  @Override
  public void delete(TimerData.Address address) {
    Entry entry = byAddress.remove(address);
    if (entry == null) {
      return;
    }
    entry.pending = false;
    KeyNamespace keyNamespace = new KeyNamespace(address.key(), address.namespace());
    List<Entry> ofNamespace = byNamespace.get(keyNamespace);
    ofNamespace.remove(entry);
    if (ofNamespace.isEmpty()) {
      byNamespace.remove(keyNamespace);
    }
    ordered(entry.timer.domain()).remove(entry);
    holds.remove(entry);
  }

  /**
   * Only event-time timers hold the (event-time) output watermark, as in Beam's direct runner;
   * a processing-time timer's output timestamp only stamps its outputs.
   */
  private static boolean holdsWatermark(TimerData timer) {
    return timer.outputTime() != null && timer.domain() == TimeDomain.EVENT_TIME;
  }

  @Override
  public TimerData get(TimerData.Address address) {
    Entry entry = byAddress.get(address);
    return entry == null ? null : entry.timer;
  }

  @Override
  public void deleteAll(StateKey key, StateNamespace namespace) {
    List<Entry> entries = byNamespace.get(new KeyNamespace(key, namespace));
    if (entries != null) {
      for (Entry entry : entries.toArray(new Entry[0])) {
        delete(entry.address);
      }
    }
  }

  @Override
  public TimerData removeNextDue(TimeDomain domain, Instant now) {
    Entry first = ordered(domain).peekBefore(now.getEpochSecond(), now.getNano());
    if (first == null) {
      return null;
    }
    TimerData timer = first.timer;
    delete(first.address);
    return timer;
  }

  @Override
  public Instant nextFireTime(TimeDomain domain) {
    Entry first = ordered(domain).peek();
    return first == null ? null : first.timer.fireTime();
  }

  @Override
  public Instant outputHold() {
    Entry first = holds.peek();
    return first == null ? null : first.timer.outputTime();
  }

  @Override
  public Instant outputHoldBefore(Instant limit) {
    Entry first = holds.peekBefore(limit.getEpochSecond(), limit.getNano());
    return first == null ? null : first.timer.outputTime();
  }

  @Override
  public int size() {
    return byAddress.size();
  }

  @Override
  public void forEach(Consumer<TimerData> action) {
    byAddress.values().forEach(entry -> action.accept(entry.timer));
  }

  @Override
  public byte[] snapshot(KeyGroupRange snapshotRange) {
    if (!range.contains(snapshotRange)) {
      throw new IllegalArgumentException("Cannot snapshot " + snapshotRange + ": this timer"
          + " service holds " + range);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(maxParallelism);
      out.writeInt(snapshotRange.start());
      out.writeInt(snapshotRange.end());
      List<Entry> inOrder = new ArrayList<>();
      for (EntryHeap heap : byTime.values()) {
        for (Entry entry : heap.toList()) {
          if (snapshotRange.contains(entry.timer.key().keyGroup())) {
            inOrder.add(entry);
          }
        }
      }
      // Fire order within a domain, and the setting order across domains, so that ties restore
      // in the order they were set.
      inOrder.sort(Comparator.comparingLong((Entry e) -> e.sequence));
      out.writeInt(inOrder.size());
      for (Entry entry : inOrder) {
        TimerData t = entry.timer;
        writeBytes(out, t.key().bytes());
        out.writeBoolean(t.namespace().isKey());
        if (!t.namespace().isKey()) {
          writeBytes(out, t.namespace().windowBytes());
        }
        out.writeUTF(t.familyId());
        out.writeUTF(t.timerId());
        out.writeUTF(t.domain().name());
        writeBytes(out, encodeInstant(t.fireTime()));
        out.writeBoolean(t.outputTime() != null);
        if (t.outputTime() != null) {
          writeBytes(out, encodeInstant(t.outputTime()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void restore(byte[] snapshot) {
    List<TimerData> restored = new ArrayList<>();
    KeyGroupRange snapshotRange;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      int version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("Unknown timer snapshot format version " + version
            + "; this service reads version " + FORMAT_VERSION);
      }
      int snapshotParallelism = in.readInt();
      if (snapshotParallelism != maxParallelism) {
        throw new IllegalArgumentException("The timer snapshot was taken with maximum"
            + " parallelism " + snapshotParallelism + ", this service has " + maxParallelism);
      }
      snapshotRange = new KeyGroupRange(in.readInt(), in.readInt());
      if (!range.contains(snapshotRange)) {
        throw new IllegalArgumentException("The timer snapshot holds " + snapshotRange
            + ", outside this service's " + range);
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        StateKey key = StateKey.ofEncoded(readBytes(in), maxParallelism);
        StateNamespace namespace = in.readBoolean() ? StateNamespace.KEY
            : StateNamespace.ofEncodedWindow(readBytes(in));
        String familyId = in.readUTF();
        String timerId = in.readUTF();
        TimeDomain domain = TimeDomain.valueOf(in.readUTF());
        Instant fireTime = decodeInstant(readBytes(in));
        Instant outputTime = in.readBoolean() ? decodeInstant(readBytes(in)) : null;
        restored.add(new TimerData(key, namespace, familyId, timerId, domain, fireTime,
            outputTime));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Corrupt timer snapshot: " + e, e);
    }
    for (Entry entry : byAddress.values().toArray(new Entry[0])) {
      if (snapshotRange.contains(entry.address.key().keyGroup())) {
        delete(entry.address);
      }
    }
    restored.forEach(this::set);
  }

  private static byte[] encodeInstant(Instant instant) {
    try {
      return CoderUtils.encodeToByteArray(InstantCoder.of(), instant);
    } catch (CoderException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant decodeInstant(byte[] bytes) throws IOException {
    return CoderUtils.decodeFromByteArray(InstantCoder.of(), bytes);
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

  private EntryHeap ordered(TimeDomain domain) {
    return byTime.computeIfAbsent(domain, d -> new EntryHeap(false));
  }
}
