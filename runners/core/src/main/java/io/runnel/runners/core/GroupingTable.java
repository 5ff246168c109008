package io.runnel.runners.core;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowingStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The buffered state of a {@code GroupByKey}: values grouped by key and window, in the order
 * they arrived. Tables filled by separate bundles are merged in a fixed order, so the grouped
 * output is deterministic. Owned by one thread.
 *
 * <p>This version fires every window once, when the input is complete (watermark at the end of
 * time), which is the default trigger's behaviour for bounded input.
 */
public final class GroupingTable<K, V> {
  private final Coder<K> keyCoder;
  private final TimestampCombiner timestampCombiner;
  private final boolean globalOnly;
  private final WindowFn<?, ?> windowFn;
  private LinkedHashMap<Object, Group<K, V>> groups = new LinkedHashMap<>();

  public GroupingTable(Coder<K> keyCoder, WindowingStrategy<?, ?> strategy) {
    this.keyCoder = keyCoder;
    this.timestampCombiner = strategy.getTimestampCombiner();
    this.windowFn = strategy.getWindowFn();
    this.globalOnly = windowFn instanceof GlobalWindows;
  }

  /** Adds an element to the group of its key in each of its windows. */
  public void add(WindowedValue<KV<K, V>> element) {
    K key = element.getValue().getKey();
    Object structural = keyCoder.structuralValue(key);
    for (BoundedWindow window : element.getWindows()) {
      Group<K, V> group = groups.computeIfAbsent(GroupKey.of(structural, window, globalOnly),
          k -> new Group<>(key, window));
      group.values.add(element.getValue().getValue());
      Instant candidate = timestampCombiner.assign(window, element.getTimestamp());
      group.outputTimestamp = group.outputTimestamp == null
          ? candidate : timestampCombiner.combine(group.outputTimestamp, candidate);
    }
  }

  /** Appends the groups of {@code later}, which must not be used afterwards. */
  public void mergeFrom(GroupingTable<K, V> later) {
    for (Map.Entry<Object, Group<K, V>> entry : later.groups.entrySet()) {
      Group<K, V> mine = groups.get(entry.getKey());
      if (mine == null) {
        groups.put(entry.getKey(), entry.getValue());
      } else {
        mine.values.addAll(entry.getValue().values);
        mine.outputTimestamp = timestampCombiner.combine(mine.outputTimestamp, entry.getValue().outputTimestamp);
      }
    }
  }

  /** Number of groups buffered. */
  public int size() {
    return groups.size();
  }

  /**
   * Emits every group as the on-time and only pane of its window, then forgets them. {@code
   * reorder} may permute the groups and each group's values (the model leaves both unordered).
   */
  public void fireAll(Consumer<WindowedValue<KV<K, Iterable<V>>>> out, GroupOrder reorder) {
    if (!windowFn.isNonMerging()) {
      mergeWindows();
    }
    List<Group<K, V>> all = new ArrayList<>(groups.values());
    groups.clear();
    reorder.shuffle(all);
    for (Group<K, V> group : all) {
      reorder.shuffle(group.values);
      out.accept(WindowedValue.of(KV.of(group.key, Collections.unmodifiableList(group.values)),
          group.outputTimestamp, group.window, PaneInfo.ON_TIME_AND_ONLY_FIRING));
    }
  }

  /** Merges each key's windows (e.g. sessions); a merged group sits where its first part was. */
  private void mergeWindows() {
    Map<GroupKey, GroupKey> targets = GroupKey.mergeTargets(windowFn, groups.keySet());
    LinkedHashMap<Object, Group<K, V>> merged = new LinkedHashMap<>();
    for (Map.Entry<Object, Group<K, V>> entry : groups.entrySet()) {
      GroupKey target = targets.get((GroupKey) entry.getKey());
      Group<K, V> part = entry.getValue();
      Group<K, V> group = merged.computeIfAbsent(target, k -> new Group<>(part.key, target.window()));
      group.values.addAll(part.values);
      Instant candidate = timestampCombiner == TimestampCombiner.END_OF_WINDOW
          ? target.window().maxTimestamp() : part.outputTimestamp;
      group.outputTimestamp = group.outputTimestamp == null
          ? candidate : timestampCombiner.combine(group.outputTimestamp, candidate);
    }
    groups = merged;
  }

  private static final class Group<K, V> {
    final K key;
    final BoundedWindow window;
    final ArrayList<V> values = new ArrayList<>(4);
    Instant outputTimestamp;

    Group(K key, BoundedWindow window) {
      this.key = key;
      this.window = window;
    }
  }
}
