package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The multiset difference between expected and actual elements, for assertion messages. */
final class Differences<T> {
  private static final int MAX_SHOWN = 50;

  private final List<T> missing;
  private final List<T> unexpected;

  private Differences(List<T> missing, List<T> unexpected) {
    this.missing = missing;
    this.unexpected = unexpected;
  }

  /** Compares elements by the coder's structural value, counting duplicates. */
  static <T> Differences<T> between(Coder<T> coder, List<T> expected, List<T> actual) {
    Map<Object, List<T>> remaining = new LinkedHashMap<>();
    for (T value : expected) {
      remaining.computeIfAbsent(coder.structuralValue(value), k -> new ArrayList<>()).add(value);
    }
    List<T> unexpected = new ArrayList<>();
    for (T value : actual) {
      List<T> candidates = remaining.get(coder.structuralValue(value));
      if (candidates == null || candidates.isEmpty()) {
        unexpected.add(value);
      } else {
        candidates.remove(candidates.size() - 1);
      }
    }
    List<T> missing = new ArrayList<>();
    remaining.values().forEach(missing::addAll);
    return new Differences<>(missing, unexpected);
  }

  boolean isEmpty() {
    return missing.isEmpty() && unexpected.isEmpty();
  }

  String describe(List<T> expected, List<T> actual) {
    return "  expected (" + expected.size() + "): " + show(expected) + "\n"
        + "  actual   (" + actual.size() + "): " + show(actual) + "\n"
        + "  missing    (expected, not found) (" + missing.size() + "): " + show(missing) + "\n"
        + "  unexpected (found, not expected) (" + unexpected.size() + "): " + show(unexpected);
  }

  static String show(List<?> values) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(values.size(), MAX_SHOWN); i++) {
      shown.add(show(values.get(i)));
    }
    String text = "[" + String.join(", ", shown);
    return text + (values.size() > MAX_SHOWN ? ", ... " + (values.size() - MAX_SHOWN) + " more]" : "]");
  }

  static String show(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    return String.valueOf(value);
  }
}
