package io.runnel.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.CoderUtils;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalWindowTest {
  private static IntervalWindow window(long startMillis, long endMillis) {
    return new IntervalWindow(Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis));
  }

  @Test
  void windowsAreOrderedByEndThenStart() {
    List<IntervalWindow> windows = new ArrayList<>(List.of(
        window(0, 20), window(5, 10), window(0, 10), window(15, 20)));

    windows.sort(null);

    assertThat(windows).containsExactly(window(0, 10), window(5, 10), window(0, 20), window(15, 20));
  }

  @Test
  void maxTimestampIsOneMillisecondBeforeTheEnd() {
    assertThat(window(0, 10).maxTimestamp()).isEqualTo(Instant.ofEpochMilli(9));
  }

  @Test
  void containsTheStartButNotTheEnd() {
    IntervalWindow w = window(10, 20);

    assertThat(w.contains(Instant.ofEpochMilli(10))).isTrue();
    assertThat(w.contains(Instant.ofEpochMilli(20).minusNanos(1))).isTrue();
    assertThat(w.contains(Instant.ofEpochMilli(20))).isFalse();
    assertThat(w.contains(Instant.ofEpochMilli(9))).isFalse();
  }

  @Test
  void containsWindowsWithinIt() {
    assertThat(window(0, 20).contains(window(5, 20))).isTrue();
    assertThat(window(0, 20).contains(window(0, 20))).isTrue();
    assertThat(window(0, 20).contains(window(5, 21))).isFalse();
  }

  @Test
  void adjacentWindowsAreDisjointAndOverlappingOnesIntersect() {
    assertThat(window(0, 10).isDisjoint(window(10, 20))).isTrue();
    assertThat(window(0, 10).intersects(window(9, 20))).isTrue();
    assertThat(window(9, 20).intersects(window(0, 10))).isTrue();
  }

  @Test
  void spanCoversBothWindowsAndTheGapBetweenThem() {
    assertThat(window(0, 10).span(window(30, 40))).isEqualTo(window(0, 40));
    assertThat(window(30, 40).span(window(0, 10))).isEqualTo(window(0, 40));
  }

  @Test
  void sizeConstructorEndsAfterTheSize() {
    assertThat(new IntervalWindow(Instant.ofEpochMilli(5), Duration.ofMillis(10))).isEqualTo(window(5, 15));
  }

  @Test
  void coderRoundTripsWindowsIncludingNegativeAndSubMillisecondBounds() throws Exception {
    List<IntervalWindow> windows = List.of(window(0, 10), window(-100, -50),
        new IntervalWindow(Instant.ofEpochSecond(1, 1), Instant.ofEpochSecond(2, 999_999_999)),
        new IntervalWindow(BoundedWindow.TIMESTAMP_MIN_VALUE, BoundedWindow.TIMESTAMP_MAX_VALUE));

    for (IntervalWindow w : windows) {
      byte[] bytes = CoderUtils.encodeToByteArray(IntervalWindow.getCoder(), w);
      assertThat(CoderUtils.decodeFromByteArray(IntervalWindow.getCoder(), bytes)).isEqualTo(w);
    }
  }

  @Test
  void coderIsDeterministicAndConsistentWithEquals() throws Exception {
    IntervalWindow.getCoder().verifyDeterministic();

    assertThat(IntervalWindow.getCoder().consistentWithEquals()).isTrue();
    assertThat(CoderUtils.encodeToByteArray(IntervalWindow.getCoder(), window(3, 7)))
        .isEqualTo(CoderUtils.encodeToByteArray(IntervalWindow.getCoder(), window(3, 7)));
  }
}
