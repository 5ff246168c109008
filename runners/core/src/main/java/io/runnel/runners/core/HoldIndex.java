package io.runnel.runners.core;

import io.runnel.runners.core.state.StateKey;
import io.runnel.runners.core.state.StateNamespace;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The watermark holds of every key and window of a grouping, ordered, so that the earliest is at
 * hand and moving one costs a logarithm rather than a scan. The holds themselves live in the
 * state backend (in each window's record); this index is derived from them and rebuilt when the
 * state is restored. Owned by the grouping's thread.
 */
final class HoldIndex {
  private record Address(StateKey key, StateNamespace namespace) {}

  private final Map<Address, Instant> holds = new HashMap<>();
  /** How many windows hold at each instant. */
  private final TreeMap<Instant, Integer> counts = new TreeMap<>();

  /** Sets the hold of {@code key} in {@code namespace}; null releases it. */
  void set(StateKey key, StateNamespace namespace, Instant hold) {
    Address address = new Address(key, namespace);
    Instant previous = hold == null ? holds.remove(address) : holds.put(address, hold);
    if (hold != null && hold.equals(previous)) {
      return;
    }
    if (previous != null) {
      counts.compute(previous, (t, n) -> n == 1 ? null : n - 1);
    }
    if (hold != null) {
      counts.merge(hold, 1, Integer::sum);
    }
  }

  /** The earliest hold, or null. */
  Instant earliest() {
    return counts.isEmpty() ? null : counts.firstKey();
  }

  int size() {
    return holds.size();
  }

  void clear() {
    holds.clear();
    counts.clear();
  }
}
