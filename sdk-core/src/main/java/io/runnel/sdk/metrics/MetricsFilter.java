package io.runnel.sdk.metrics;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which metrics {@link MetricResults#queryMetrics} returns. A metric matches when its name matches
 * any of the name filters (or there are none) and its step matches any of the steps (or there are
 * none).
 *
 * <p>A step matches a metric's step, the full name of the transform that reported it, when it is
 * that full name or a slash-separated part of it: {@code "Count"} and {@code "Outer/Count"}
 * match {@code "Outer/Count/ParDo(Format)"}, but {@code "Coun"} and {@code "Count/ParDo"} do not.
 * So filtering by a composite transform's name selects the metrics of every transform inside it.
 *
 * <p>Immutable; build one with {@link #builder()}.
 */
public final class MetricsFilter {
  private final Set<MetricNameFilter> names;
  private final Set<String> steps;

  private MetricsFilter(Set<MetricNameFilter> names, Set<String> steps) {
    this.names = names;
    this.steps = steps;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The name filters; empty to match every name. */
  public Set<MetricNameFilter> getNames() {
    return names;
  }

  /** The steps; empty to match every step. */
  public Set<String> steps() {
    return steps;
  }

  /** Whether the metric {@code key} matches this filter (see the class documentation). */
  public boolean matches(MetricKey key) {
    return matchesName(key.metricName()) && matchesStep(key.stepName());
  }

  private boolean matchesName(MetricName name) {
    if (names.isEmpty()) {
      return true;
    }
    for (MetricNameFilter filter : names) {
      if (filter.matches(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesStep(String fullName) {
    if (steps.isEmpty()) {
      return true;
    }
    for (String step : steps) {
      if (isSubPath(fullName, step)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code part} occurs in {@code fullName} bounded by slashes or the ends. */
  static boolean isSubPath(String fullName, String part) {
    int from = 0;
    while (true) {
      int start = fullName.indexOf(part, from);
      if (start < 0) {
        return false;
      }
      int end = start + part.length();
      boolean startsAtBoundary = start == 0 || fullName.charAt(start - 1) == '/';
      boolean endsAtBoundary = end == fullName.length() || fullName.charAt(end) == '/';
      if (startsAtBoundary && endsAtBoundary) {
        return true;
      }
      from = start + 1;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricsFilter other && names.equals(other.names) && steps.equals(other.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, steps);
  }

  @Override
  public String toString() {
    return "MetricsFilter{names=" + names + ", steps=" + steps + "}";
  }

  /** Builds a {@link MetricsFilter}. Not thread-safe. */
  public static final class Builder {
    private final Set<MetricNameFilter> names = new LinkedHashSet<>();
    private final Set<String> steps = new LinkedHashSet<>();

    private Builder() {}

    /** Also matches metrics selected by {@code nameFilter}. */
    public Builder addNameFilter(MetricNameFilter nameFilter) {
      names.add(Objects.requireNonNull(nameFilter, "nameFilter"));
      return this;
    }

    /**
     * Also matches metrics of the step named {@code step} or of any step inside it (see the class
     * documentation).
     */
    public Builder addStep(String step) {
      steps.add(MetricName.requireNonEmpty(step, "step filter"));
      return this;
    }

    public MetricsFilter build() {
      return new MetricsFilter(Collections.unmodifiableSet(new LinkedHashSet<>(names)),
          Collections.unmodifiableSet(new LinkedHashSet<>(steps)));
    }
  }
}
