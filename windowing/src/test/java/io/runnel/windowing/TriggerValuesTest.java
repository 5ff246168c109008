package io.runnel.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerValuesTest {
  private static Trigger composite() {
    return Repeatedly.forever(AfterFirst.of(
        AfterPane.elementCountAtLeast(100),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMinutes(1))));
  }

  @Test
  void triggersBuiltAlikeAreEqual() {
    assertThat(composite()).isEqualTo(composite()).hasSameHashCodeAs(composite());
    assertThat(AfterPane.elementCountAtLeast(2)).isNotEqualTo(AfterPane.elementCountAtLeast(3));
    assertThat(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
        .isNotEqualTo(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)));
  }

  @Test
  void toStringReadsLikeTheBuildingCode() {
    assertThat(composite()).hasToString("Repeatedly.forever(AfterFirst.of(AfterPane.elementCountAtLeast(100),"
        + " AfterProcessingTime.pastFirstElementInPane().plusDelayOf(PT1M)))");
    assertThat(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.ofMinutes(1)))
            .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .hasToString("AfterWatermark.pastEndOfWindow()"
            + ".withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().alignedTo(PT1M))"
            + ".withLateFirings(AfterPane.elementCountAtLeast(1))");
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(AfterWatermark.pastEndOfWindow()))
        .hasToString("Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(AfterWatermark.pastEndOfWindow())");
  }

  @Test
  void watermarkTriggerFinishesOnlyWithoutLateFirings() {
    assertThat(AfterWatermark.pastEndOfWindow().withEarlyFirings(Never.ever()).mayFinish()).isTrue();
    assertThat(AfterWatermark.pastEndOfWindow().withLateFirings(Never.ever()).mayFinish()).isFalse();
    assertThat(DefaultTrigger.of().mayFinish()).isFalse();
  }

  @Test
  void continuationOfACountTriggerFiresOnEveryElement() {
    assertThat(Repeatedly.forever(AfterPane.elementCountAtLeast(10)).getContinuationTrigger())
        .isEqualTo(Repeatedly.forever(AfterPane.elementCountAtLeast(1)));
    assertThat(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMinutes(1))
            .getContinuationTrigger())
        .isEqualTo(AfterSynchronizedProcessingTime.ofFirstElement());
  }

  @Test
  void processingTimeFireTimeAppliesDelayThenAlignment() {
    AfterProcessingTime trigger = AfterProcessingTime.pastFirstElementInPane()
        .plusDelayOf(Duration.ofSeconds(30)).alignedTo(Duration.ofMinutes(1));
    assertThat(trigger.fireTime(Instant.parse("2024-01-01T00:00:10Z")))
        .isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
    assertThat(trigger.fireTime(Instant.parse("2024-01-01T00:00:30Z")))
        .isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
  }

  @Test
  void alignmentBeforeTheOffsetFollowsBeamsRemainderArithmetic() {
    AfterProcessingTime trigger = AfterProcessingTime.pastFirstElementInPane()
        .alignedTo(Duration.ofMinutes(2), Instant.parse("1970-01-01T12:05:00Z"));
    // 12:04:00 is 60 s before the offset: Beam's truncated remainder is -60 s, so it lands at 12:07.
    assertThat(trigger.fireTime(Instant.parse("1970-01-01T12:04:00Z")))
        .isEqualTo(Instant.parse("1970-01-01T12:07:00Z"));
    assertThat(trigger.fireTime(Instant.parse("1970-01-01T12:06:00Z")))
        .isEqualTo(Instant.parse("1970-01-01T12:07:00Z"));
    assertThat(trigger.fireTime(Instant.parse("1970-01-01T12:07:00Z")))
        .isEqualTo(Instant.parse("1970-01-01T12:07:00Z"));
  }

  @Test
  void invalidParametersAreRejectedWithTheValue() {
    assertThatThrownBy(() -> AfterPane.elementCountAtLeast(0)).hasMessageContaining("0");
    assertThatThrownBy(() -> AfterEach.inOrder()).hasMessageContaining("at least one");
    assertThatThrownBy(() -> AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.ZERO))
        .hasMessageContaining("PT0S");
  }
}
