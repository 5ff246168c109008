package io.runnel.runners.core;

import io.runnel.runners.core.state.StateNamespace;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The live key and window pairs of a stateful {@code DoFn}, ordered by when they expire: once
 * the input watermark is strictly after the window's max timestamp plus the allowed lateness
 * (its garbage-collection time), as for groupings. Owned by one thread.
 */
final class WindowExpiries<K> {
  /** One live key in one window. */
  record Expiry<K>(Instant gcTime, long sequence, StateNamespace namespace, K key,
      BoundedWindow window) {}

  private final Duration allowedLateness;
  private final TreeSet<Expiry<K>> byTime = new TreeSet<>(
      Comparator.comparing((Expiry<K> e) -> e.gcTime()).thenComparingLong(Expiry::sequence));
  private final Map<StateNamespace, Expiry<K>> byNamespace = new HashMap<>();
  private long nextSequence;

  WindowExpiries(Duration allowedLateness) {
    this.allowedLateness = allowedLateness;
  }

  /** The window's garbage-collection time, capped at the end of the global window. */
  Instant gcTime(BoundedWindow window) {
    return garbageCollectionTime(window, allowedLateness);
  }

  /**
   * When a window's state is dropped, for groupings and stateful DoFns alike: its max timestamp
   * plus the allowed lateness, capped at the end of the global window.
   */
  static Instant garbageCollectionTime(BoundedWindow window, Duration allowedLateness) {
    Instant endOfTime = GlobalWindow.INSTANCE.maxTimestamp();
    if (window.maxTimestamp().isAfter(endOfTime.minus(allowedLateness))) {
      return endOfTime;
    }
    return window.maxTimestamp().plus(allowedLateness);
  }

  /** Whether the window has expired at {@code inputWatermark}. */
  boolean isExpired(BoundedWindow window, Instant inputWatermark) {
    return inputWatermark.isAfter(gcTime(window));
  }

  /** Records that {@code key} has state or timers in {@code window}, if not yet recorded. */
  void register(StateNamespace namespace, K key, BoundedWindow window) {
    if (!byNamespace.containsKey(namespace)) {
      Expiry<K> expiry = new Expiry<>(gcTime(window), nextSequence++, namespace, key, window);
      byNamespace.put(namespace, expiry);
      byTime.add(expiry);
    }
  }

  /** The earliest pair expired at {@code inputWatermark}, or null. */
  Expiry<K> nextDue(Instant inputWatermark) {
    return byTime.isEmpty() || !inputWatermark.isAfter(byTime.first().gcTime()) ? null
        : byTime.first();
  }

  void remove(Expiry<K> expiry) {
    byTime.remove(expiry);
    byNamespace.remove(expiry.namespace());
  }

  /** The max timestamp of the earliest-expiring live window, or null. */
  Instant earliestMaxTimestamp() {
    return byTime.isEmpty() ? null : byTime.first().window().maxTimestamp();
  }

  int size() {
    return byNamespace.size();
  }
}
