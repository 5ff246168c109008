package io.runnel.runners.core;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of a lifted {@code Combine.perKey}: one accumulator per key and window, updated as
 * values arrive, so values are never buffered. Tables of separate bundles merge their
 * accumulators in a fixed order. Owned by one thread.
 */
public final class CombiningTable<K, InputT, AccumT, OutputT>
    implements CombineAccumulators<K, InputT, OutputT> {
  private final Coder<K> keyCoder;
  private final Combine.CombineFn<InputT, AccumT, OutputT> fn;
  private final TimestampCombiner timestampCombiner;
  private final boolean globalOnly;
  private final WindowFn<?, ?> windowFn;
  private LinkedHashMap<Object, Entry<K, AccumT>> entries = new LinkedHashMap<>();

  public CombiningTable(Coder<K> keyCoder, Combine.CombineFn<InputT, AccumT, OutputT> fn,
      WindowingStrategy<?, ?> strategy) {
    this.keyCoder = keyCoder;
    this.fn = fn;
    this.timestampCombiner = strategy.getTimestampCombiner();
    this.windowFn = strategy.getWindowFn();
    this.globalOnly = windowFn instanceof GlobalWindows;
  }

  /** Adds a value to the accumulator of its key in each of its windows. */
  @Override
  public void add(WindowedValue<KV<K, InputT>> element) {
    K key = element.getValue().getKey();
    Object structural = keyCoder.structuralValue(key);
    for (BoundedWindow window : element.getWindows()) {
      Object groupKey = GroupKey.of(structural, window, globalOnly);
      Entry<K, AccumT> entry = entries.get(groupKey);
      Instant candidate = timestampCombiner.assign(window, element.getTimestamp());
      if (entry == null) {
        entry = new Entry<>(key, window, fn.createAccumulator(), candidate);
        entries.put(groupKey, entry);
      } else {
        entry.outputTimestamp = timestampCombiner.combine(entry.outputTimestamp, candidate);
      }
      entry.accumulator = fn.addInput(entry.accumulator, element.getValue().getValue());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeFrom(CombineAccumulators<K, InputT, OutputT> later) {
    mergeFrom((CombiningTable<K, InputT, AccumT, OutputT>) later);
  }

  /** Merges the accumulators of {@code later}, which must not be used afterwards. */
  public void mergeFrom(CombiningTable<K, InputT, AccumT, OutputT> later) {
    for (Map.Entry<Object, Entry<K, AccumT>> e : later.entries.entrySet()) {
      Entry<K, AccumT> mine = entries.get(e.getKey());
      if (mine == null) {
        entries.put(e.getKey(), e.getValue());
      } else {
        mine.accumulator = fn.mergeAccumulators(Arrays.asList(mine.accumulator, e.getValue().accumulator));
        mine.outputTimestamp = timestampCombiner.combine(mine.outputTimestamp, e.getValue().outputTimestamp);
      }
    }
  }

  @Override
  public int size() {
    return entries.size();
  }

  /** Emits every key's output as the on-time and only pane of its window, then forgets them. */
  @Override
  public void fireAll(Consumer<WindowedValue<KV<K, OutputT>>> out, GroupOrder reorder) {
    if (!windowFn.isNonMerging()) {
      mergeWindows();
    }
    List<Entry<K, AccumT>> all = new ArrayList<>(entries.values());
    entries.clear();
    reorder.shuffle(all);
    for (Entry<K, AccumT> entry : all) {
      out.accept(WindowedValue.of(KV.of(entry.key, fn.extractOutput(entry.accumulator)),
          entry.outputTimestamp, entry.window, PaneInfo.ON_TIME_AND_ONLY_FIRING));
    }
  }

  /** Merges each key's windows (e.g. sessions) and their accumulators. */
  private void mergeWindows() {
    Map<GroupKey, GroupKey> targets = GroupKey.mergeTargets(windowFn, entries.keySet());
    LinkedHashMap<Object, Entry<K, AccumT>> merged = new LinkedHashMap<>();
    for (Map.Entry<Object, Entry<K, AccumT>> e : entries.entrySet()) {
      GroupKey target = targets.get((GroupKey) e.getKey());
      Entry<K, AccumT> part = e.getValue();
      Instant candidate = timestampCombiner == TimestampCombiner.END_OF_WINDOW
          ? target.window().maxTimestamp() : part.outputTimestamp;
      Entry<K, AccumT> existing = merged.get(target);
      if (existing == null) {
        merged.put(target, new Entry<>(part.key, target.window(), part.accumulator, candidate));
      } else {
        existing.accumulator = fn.mergeAccumulators(Arrays.asList(existing.accumulator, part.accumulator));
        existing.outputTimestamp = timestampCombiner.combine(existing.outputTimestamp, candidate);
      }
    }
    entries = merged;
  }

  private static final class Entry<K, AccumT> {
    final K key;
    final BoundedWindow window;
    AccumT accumulator;
    Instant outputTimestamp;

    Entry(K key, BoundedWindow window, AccumT accumulator, Instant outputTimestamp) {
      this.key = key;
      this.window = window;
      this.accumulator = accumulator;
      this.outputTimestamp = outputTimestamp;
    }
  }
}
