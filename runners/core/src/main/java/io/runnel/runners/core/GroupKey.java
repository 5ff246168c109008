package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.WindowFn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity of a group: a key's structural value (equal for keys that encode equally) and a
 * window. For the global window the structural key alone is used, saving an object per element.
 */
record GroupKey(Object structuralKey, BoundedWindow window) {
  static Object of(Object structuralKey, BoundedWindow window, boolean globalOnly) {
    return globalOnly ? structuralKey : new GroupKey(structuralKey, window);
  }

  /**
   * Merges each key's windows among {@code groups} (all {@code GroupKey}s) with a merging window
   * function, and says where each group goes: the group of its key in the merged window, or
   * itself when its window did not merge.
   */
  static Map<GroupKey, GroupKey> mergeTargets(WindowFn<?, ?> windowFn, Iterable<Object> groups) {
    Map<Object, List<BoundedWindow>> windowsByKey = new LinkedHashMap<>();
    for (Object group : groups) {
      GroupKey key = (GroupKey) group;
      windowsByKey.computeIfAbsent(key.structuralKey(), k -> new ArrayList<>()).add(key.window());
    }
    Map<GroupKey, GroupKey> targets = new HashMap<>();
    windowsByKey.forEach((structural, windows) -> {
      Map<BoundedWindow, BoundedWindow> mergedInto = WindowMerging.merge(windowFn, windows);
      for (BoundedWindow window : windows) {
        BoundedWindow target = mergedInto.getOrDefault(window, window);
        targets.put(new GroupKey(structural, window), new GroupKey(structural, target));
      }
    });
    return targets;
  }
}
