package io.runnel.sdk.options.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests the known names closest to a mistyped one, by case-insensitive edit distance. */
final class ClosestNames {
  private static final int MAX_SUGGESTIONS = 3;

  private ClosestNames() {}

  /**
   * Up to three of {@code known} within a small edit distance of {@code typed} (at most 2, or a
   * third of its length for long names), closest first, ties in alphabetical order.
   */
  static List<String> closest(String typed, Collection<String> known) {
    int limit = Math.max(2, typed.length() / 3);
    record Candidate(String name, int distance) {}
    List<Candidate> candidates = new ArrayList<>();
    for (String name : known) {
      int distance = distance(typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance <= limit) {
        candidates.add(new Candidate(name, distance));
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
    return candidates.stream().limit(MAX_SUGGESTIONS).map(Candidate::name).toList();
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
