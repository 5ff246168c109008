package io.runnel.runners.core;

/**
 * The live pairs of a stateful {@code DoFn} in the global window whose keys are {@code Long}s,
 * by the key's value: open addressing with linear probing, the key compared as a primitive in
 * the pair itself. A {@code HashMap} lookup reads the boxed key of its entry, one more cache miss
 * per element when there are more keys than fit in the cache. Not thread-safe.
 */
final class LongKeyedTable<K> {
  private LiveWindow<K>[] slots = newSlots(16);
  private int bits = 4;
  private int size;

  LiveWindow<K> get(long key) {
    int mask = slots.length - 1;
    for (int i = home(key); ; i = (i + 1) & mask) {
      LiveWindow<K> live = slots[i];
      if (live == null || live.longKey == key) {
        return live;
      }
    }
  }

  /** Adds a pair whose {@link LiveWindow#longKey} is not in the table yet. */
  void add(LiveWindow<K> live) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    insert(slots, live);
    size++;
  }

  void remove(long key) {
    int mask = slots.length - 1;
    int hole = home(key);
    while (slots[hole] != null && slots[hole].longKey != key) {
      hole = (hole + 1) & mask;
    }
    if (slots[hole] == null) {
      return;
    }
    size--;
    // Shift later members of the probe run back over the hole where their home allows it.
    for (int next = (hole + 1) & mask; slots[next] != null; next = (next + 1) & mask) {
      int wanted = home(slots[next].longKey);
      boolean wrapped = next < hole;
      boolean mayMove = wrapped ? (wanted <= hole && wanted > next)
          : (wanted <= hole || wanted > next);
      if (mayMove) {
        slots[hole] = slots[next];
        hole = next;
      }
    }
    slots[hole] = null;
  }

  int size() {
    return size;
  }

  private int home(long key) {
    return home(key, bits);
  }

  /** The slot a key would take first in a table of {@code 2^bits} slots. */
  static int home(long key, int bits) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
  }

  private void insert(LiveWindow<K>[] table, LiveWindow<K> live) {
    int mask = table.length - 1;
    int i = home(live.longKey);
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = live;
  }

  private void grow() {
    LiveWindow<K>[] old = slots;
    bits++;
    slots = newSlots(old.length * 2);
    for (LiveWindow<K> live : old) {
      if (live != null) {
        insert(slots, live);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <K> LiveWindow<K>[] newSlots(int length) {
    return (LiveWindow<K>[]) new LiveWindow<?>[length];
  }
}
