package io.runnel.sdk.portable;

import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local names of a transform's inputs and outputs in the proto. A value keyed by a tag of
 * its own (a ParDo output tag, a CoGroupByKey input tag) is named by the tag's id; a value keyed
 * by its own internal tag, whose id is JVM-specific, is named {@code "#"} and its position among
 * such values, so names are deterministic.
 */
final class LocalNames {
  private static final String POSITIONAL = "#";

  private LocalNames() {}

  /** Local name to id for {@code values}, in map order. */
  static Map<String, String> of(Map<TupleTag<?>, PValue> values, Function<PValue, String> ids) {
    Map<String, String> named = new LinkedHashMap<>();
    int position = 0;
    for (Map.Entry<TupleTag<?>, PValue> entry : values.entrySet()) {
      String name = entry.getKey().equals(ownTag(entry.getValue()))
          ? POSITIONAL + position++
          : entry.getKey().getId();
      named.put(name, ids.apply(entry.getValue()));
    }
    return named;
  }

  /**
   * The entries of {@code named} in a stable order: names in {@code first} in its order, then
   * positional names by position, then tag names, shorter first (so a list's tags "2" and
   * "10" keep their order), then alphabetically.
   */
  static List<Map.Entry<String, String>> ordered(Map<String, String> named, List<String> first) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(named.entrySet());
    entries.sort(Comparator.<Map.Entry<String, String>>comparingInt(e -> rank(e.getKey(), first))
        .thenComparingLong(e -> position(e.getKey()))
        .thenComparingInt(e -> e.getKey().length())
        .thenComparing(Map.Entry::getKey));
    return entries;
  }

  /** The key a value gets under {@code name}: its own tag if positional, else a tag of that id. */
  static TupleTag<?> key(String name, PValue value) {
    return isPositional(name) ? ownTag(value) : new TupleTag<>(name);
  }

  private static int rank(String name, List<String> first) {
    int index = first.indexOf(name);
    if (index >= 0) {
      return index;
    }
    return first.size() + (isPositional(name) ? 0 : 1);
  }

  private static long position(String name) {
    return isPositional(name) ? Long.parseLong(name.substring(POSITIONAL.length())) : 0;
  }

  private static boolean isPositional(String name) {
    return name.startsWith(POSITIONAL) && name.length() > POSITIONAL.length()
        && name.substring(POSITIONAL.length()).chars().allMatch(Character::isDigit)
        && name.length() < 18;
  }

  private static TupleTag<?> ownTag(PValue value) {
    if (value instanceof PCollection<?> pc) {
      return pc.getTagInternal();
    }
    if (value instanceof PCollectionView<?> view) {
      return view.getTagInternal();
    }
    return null;
  }
}
