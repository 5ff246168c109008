package io.runnel.sdk.options.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {

  @Test
  void distanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(ClosestNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
    assertThat(ClosestNames.distance("same", "same")).isZero();
  }

  @Test
  void closestIgnoresCaseAndOrdersByDistance() {
    List<String> known = List.of("runner", "jobName", "runners", "directSeed");

    assertThat(ClosestNames.closest("Runer", known)).containsExactly("runner", "runners");
  }

  @Test
  void closestIsEmptyWhenNothingIsNear() {
    assertThat(ClosestNames.closest("zzzz", List.of("runner", "jobName"))).isEmpty();
  }
}
