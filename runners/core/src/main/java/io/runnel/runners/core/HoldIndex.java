package io.runnel.runners.core;

import io.runnel.runners.core.state.StateKey;
import io.runnel.runners.core.state.StateNamespace;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The watermark holds of every key and window of a grouping, in a binary min-heap whose entries
 * know their place, so that the earliest is at the head and moving one costs a logarithm rather
 * than a scan. The holds themselves live in the state backend (in each window's record); this
 * index is derived from them and rebuilt when the state is restored. A caller that keeps the
 * {@link Entry} it got back (a record's transient field) spares the lookup by address next time.
 * Owned by the grouping's thread.
 */
final class HoldIndex {
  private record Address(StateKey key, StateNamespace namespace) {}

  /** One window's hold and its place in the heap; dead once released. */
  static final class Entry {
    private final Address address;
    private Instant hold;
    /** The hold, unpacked so that comparing costs no indirection. */
    private long seconds;
    private int nanos;
    private int index = -1;

    private void setHold(Instant newHold) {
      hold = newHold;
      seconds = newHold.getEpochSecond();
      nanos = newHold.getNano();
    }

    /** Whether this entry's hold is strictly before {@code other}'s. */
    private boolean before(Entry other) {
      return seconds < other.seconds || (seconds == other.seconds && nanos < other.nanos);
    }

    private Entry(Address address) {
      this.address = address;
    }
  }

  private final Map<Address, Entry> byAddress = new HashMap<>();
  private Entry[] heap = new Entry[16];
  private int size;

  /**
   * Sets the hold of {@code key} in {@code namespace}; null releases it. {@code known} is what
   * an earlier call for the same window returned (or null). Returns what to give the next call.
   */
  Entry set(StateKey key, StateNamespace namespace, Instant hold, Entry known) {
    Entry entry = known != null && known.index >= 0 && known.address.key().equals(key)
        && known.address.namespace().equals(namespace) ? known : null;
    if (entry == null) {
      Address address = new Address(key, namespace);
      entry = byAddress.get(address);
      if (entry == null) {
        if (hold == null) {
          return null;
        }
        entry = new Entry(address);
        byAddress.put(address, entry);
        entry.setHold(hold);
        add(entry);
        return entry;
      }
    }
    if (hold == null) {
      byAddress.remove(entry.address);
      remove(entry);
      return null;
    }
    if (!hold.equals(entry.hold)) {
      entry.setHold(hold);
      siftDown(siftUp(entry.index));
    }
    return entry;
  }

  /** The earliest hold, or null. */
  Instant earliest() {
    return size == 0 ? null : heap[0].hold;
  }

  int size() {
    return size;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].index = -1;
      heap[i] = null;
    }
    size = 0;
    byAddress.clear();
  }

  private void add(Entry entry) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    place(entry, size++);
    siftUp(entry.index);
  }

  private void remove(Entry entry) {
    int index = entry.index;
    entry.index = -1;
    Entry last = heap[--size];
    heap[size] = null;
    if (index < size) {
      place(last, index);
      siftDown(siftUp(index));
    }
  }

  private int siftUp(int index) {
    Entry entry = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!entry.before(heap[parent])) {
        break;
      }
      place(heap[parent], index);
      index = parent;
    }
    place(entry, index);
    return index;
  }

  private void siftDown(int index) {
    Entry entry = heap[index];
    while (true) {
      int child = 2 * index + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1].before(heap[child])) {
        child++;
      }
      if (!heap[child].before(entry)) {
        break;
      }
      place(heap[child], index);
      index = child;
    }
    place(entry, index);
  }

  private void place(Entry entry, int index) {
    heap[index] = entry;
    entry.index = index;
  }
}
