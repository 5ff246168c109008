package io.runnel.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsFilterTest {
  private static MetricKey key(String step, String namespace, String name) {
    return MetricKey.create(step, MetricName.named(namespace, name));
  }

  private static boolean stepFilterMatches(String step, String fullName) {
    return MetricsFilter.builder().addStep(step).build().matches(key(fullName, "ns", "n"));
  }

  @Test
  void emptyFilterMatchesEverything() {
    assertThat(MetricsFilter.builder().build().matches(key("Any/Step", "ns", "n"))).isTrue();
  }

  @Test
  void namespaceFilterMatchesEveryNameInTheNamespaceOnly() {
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace("ns")).build();
    assertThat(filter.matches(key("S", "ns", "a"))).isTrue();
    assertThat(filter.matches(key("S", "ns", "b"))).isTrue();
    assertThat(filter.matches(key("S", "other", "a"))).isFalse();
  }

  @Test
  void namedFilterMatchesTheNameInItsNamespaceOnly() {
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("ns", "a")).build();
    assertThat(filter.matches(key("S", "ns", "a"))).isTrue();
    assertThat(filter.matches(key("S", "ns", "b"))).isFalse();
    assertThat(filter.matches(key("S", "other", "a"))).isFalse();
  }

  @Test
  void severalNameFiltersMatchTheUnionOfTheirMetrics() {
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("ns", "a"))
        .addNameFilter(MetricNameFilter.inNamespace(MetricsFilterTest.class))
        .build();
    assertThat(filter.matches(key("S", "ns", "a"))).isTrue();
    assertThat(filter.matches(key("S", MetricsFilterTest.class.getName(), "x"))).isTrue();
    assertThat(filter.matches(key("S", "ns", "b"))).isFalse();
  }

  @Test
  void nameAndStepFiltersMustBothMatch() {
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("ns", "a")).addStep("Parse").build();
    assertThat(filter.matches(key("Parse", "ns", "a"))).isTrue();
    assertThat(filter.matches(key("Format", "ns", "a"))).isFalse();
    assertThat(filter.matches(key("Parse", "ns", "b"))).isFalse();
  }

  @Test
  void stepMatchesItsFullName() {
    assertThat(stepFilterMatches("Outer/Count", "Outer/Count")).isTrue();
  }

  @Test
  void stepMatchesASlashSeparatedSubpath() {
    assertThat(stepFilterMatches("Outer", "Outer/Count/ParDo(Format)")).isTrue();
    assertThat(stepFilterMatches("Count", "Outer/Count/ParDo(Format)")).isTrue();
    assertThat(stepFilterMatches("Outer/Count", "Outer/Count/ParDo(Format)")).isTrue();
    assertThat(stepFilterMatches("ParDo(Format)", "Outer/Count/ParDo(Format)")).isTrue();
  }

  @Test
  void stepDoesNotMatchAPartOfAPathSegment() {
    assertThat(stepFilterMatches("Coun", "Outer/Count/ParDo(Format)")).isFalse();
    assertThat(stepFilterMatches("Count/ParDo", "Outer/Count/ParDo(Format)")).isFalse();
    assertThat(stepFilterMatches("ter/Count", "Outer/Count/ParDo(Format)")).isFalse();
  }

  @Test
  void stepMatchesALaterOccurrenceWhenAnEarlierOneIsNotASegment() {
    assertThat(stepFilterMatches("Read", "ReadAll/Read")).isTrue();
  }

  @Test
  void severalStepsMatchTheUnionOfTheirTransforms() {
    MetricsFilter filter = MetricsFilter.builder().addStep("Parse").addStep("Format").build();
    assertThat(filter.matches(key("Parse", "ns", "n"))).isTrue();
    assertThat(filter.matches(key("Format", "ns", "n"))).isTrue();
    assertThat(filter.matches(key("Write", "ns", "n"))).isFalse();
  }

  @Test
  void filtersWithTheSameSelectionsAreEqual() {
    MetricsFilter a = MetricsFilter.builder().addStep("S").addNameFilter(MetricNameFilter.inNamespace("ns")).build();
    MetricsFilter b = MetricsFilter.builder().addStep("S").addNameFilter(MetricNameFilter.inNamespace("ns")).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}
