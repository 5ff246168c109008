package io.runnel.runners.core;

import io.runnel.runners.core.state.StateKey;
import io.runnel.runners.core.state.StateNamespace;
import io.runnel.sdk.coders.Coder;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The live key and window pairs of a stateful {@code DoFn} ({@link LiveWindow}s): found by key
 * and window (one hash lookup per element) or by namespace (per firing timer), and ordered by
 * when they expire: once the input watermark is strictly after the window's max timestamp plus
 * the allowed lateness (its garbage-collection time), as for groupings. Keys and windows are
 * compared by their coders' structural values, i.e. by encoding. Owned by one thread.
 */
final class WindowExpiries<K> {
  /** A key and a window, as a table key (not needed in the global window, the only one). */
  private record Pair(Object key, Object window) {}

  private final Duration allowedLateness;
  private final Coder<K> keyCoder;
  private final Coder<BoundedWindow> windowCoder;
  /** Whether every window is the global window, so the key alone finds a pair. */
  private final boolean globalOnly;
  private final Map<Object, LiveWindow<K>> table = new HashMap<>();
  /** A state key and namespace, as a table key. */
  private record Address(StateKey key, StateNamespace namespace) {}

  private final int maxParallelism;
  private final Map<Address, LiveWindow<K>> byNamespace = new HashMap<>();
  private final TreeSet<LiveWindow<K>> byTime = new TreeSet<>(
      Comparator.comparing((LiveWindow<K> w) -> w.gcTime).thenComparingLong(w -> w.sequence));
  private long nextSequence;

  WindowExpiries(Duration allowedLateness, Coder<K> keyCoder, Coder<BoundedWindow> windowCoder,
      boolean globalOnly, int maxParallelism) {
    this.maxParallelism = maxParallelism;
    this.allowedLateness = allowedLateness;
    this.keyCoder = keyCoder;
    this.windowCoder = windowCoder;
    this.globalOnly = globalOnly;
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

  /**
   * The live pair of {@code key} in {@code window}, made live if it is not yet; null when the
   * window has expired at {@code inputWatermark} (the element is late).
   */
  LiveWindow<K> live(K key, BoundedWindow window, Instant inputWatermark) {
    Object structuralKey = keyCoder.structuralValue(key);
    Object tableKey = globalOnly ? structuralKey
        : new Pair(structuralKey, windowCoder.structuralValue(window));
    LiveWindow<K> live = table.get(tableKey);
    if (live == null) {
      Instant gcTime = gcTime(window);
      if (inputWatermark.isAfter(gcTime)) {
        return null;
      }
      live = add(StateKey.of(keyCoder, key, maxParallelism),
          StateNamespace.window(windowCoder, window), key, window, gcTime, tableKey);
    } else if (inputWatermark.isAfter(live.gcTime)) {
      return null;
    }
    return live;
  }

  /** The live pair of {@code namespace}, made live (decoded) if it is not yet. */
  LiveWindow<K> live(StateKey stateKey, StateNamespace namespace) {
    LiveWindow<K> live = byNamespace.get(new Address(stateKey, namespace));
    if (live == null) {
      K key = stateKey.decode(keyCoder);
      BoundedWindow window = namespace.decodeWindow(windowCoder);
      Object structuralKey = keyCoder.structuralValue(key);
      live = add(stateKey, namespace, key, window, gcTime(window), globalOnly ? structuralKey
          : new Pair(structuralKey, windowCoder.structuralValue(window)));
    }
    return live;
  }

  private LiveWindow<K> add(StateKey stateKey, StateNamespace namespace, K key,
      BoundedWindow window, Instant gcTime, Object tableKey) {
    LiveWindow<K> live = new LiveWindow<>(stateKey, namespace, key, window, gcTime,
        nextSequence++, tableKey);
    table.put(tableKey, live);
    byNamespace.put(new Address(stateKey, namespace), live);
    byTime.add(live);
    return live;
  }

  /** The earliest pair expired at {@code inputWatermark}, or null. */
  LiveWindow<K> nextDue(Instant inputWatermark) {
    return byTime.isEmpty() || !inputWatermark.isAfter(byTime.first().gcTime) ? null
        : byTime.first();
  }

  void remove(LiveWindow<K> live) {
    live.expired = true;
    byTime.remove(live);
    table.remove(live.tableKey);
    byNamespace.remove(new Address(live.stateKey(), live.namespace()));
  }

  /** The max timestamp of the earliest-expiring live window, or null. */
  Instant earliestMaxTimestamp() {
    return byTime.isEmpty() ? null : byTime.first().window.maxTimestamp();
  }

  int size() {
    return byNamespace.size();
  }
}
