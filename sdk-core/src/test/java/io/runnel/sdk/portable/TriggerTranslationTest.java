package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.portable.proto.TimestampTransform;
import io.runnel.windowing.AfterAll;
import io.runnel.windowing.AfterEach;
import io.runnel.windowing.AfterFirst;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterSynchronizedProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.Never;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TriggerTranslationTest {
  static Stream<Trigger> structuredTriggers() {
    return Stream.of(
        DefaultTrigger.of(),
        AfterWatermark.pastEndOfWindow(),
        AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(2)),
        AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)),
        AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMinutes(1)))
            .withLateFirings(Never.ever()),
        AfterProcessingTime.pastFirstElementInPane(),
        AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofSeconds(5))
            .alignedTo(Duration.ofMinutes(1), Instant.ofEpochMilli(7_000)).plusDelayOf(Duration.ofMillis(3)),
        AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.ofHours(1)),
        AfterSynchronizedProcessingTime.ofFirstElement(),
        AfterPane.elementCountAtLeast(3),
        Repeatedly.forever(AfterPane.elementCountAtLeast(2)),
        AfterEach.inOrder(AfterPane.elementCountAtLeast(1),
            Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane())),
        AfterFirst.of(AfterPane.elementCountAtLeast(2), AfterWatermark.pastEndOfWindow()),
        AfterAll.of(AfterPane.elementCountAtLeast(2), AfterSynchronizedProcessingTime.ofFirstElement()),
        Never.ever(),
        Repeatedly.forever(AfterPane.elementCountAtLeast(2)).orFinally(AfterWatermark.pastEndOfWindow()),
        Repeatedly.forever(AfterFirst.of(AfterPane.elementCountAtLeast(2), AfterWatermark.pastEndOfWindow()))
            .getContinuationTrigger());
  }

  @ParameterizedTest
  @MethodSource("structuredTriggers")
  void javaToProtoToJavaGivesAnEqualTrigger(Trigger trigger) {
    io.runnel.sdk.portable.proto.Trigger proto = TriggerTranslation.toProto(trigger);

    assertThat(TriggerTranslation.fromProto(proto)).isEqualTo(trigger);
  }

  @ParameterizedTest
  @MethodSource("structuredTriggers")
  void protoToJavaToProtoGivesAnEqualProtoWithNoSerializedPart(Trigger trigger) {
    io.runnel.sdk.portable.proto.Trigger proto = TriggerTranslation.toProto(trigger);

    assertThat(TriggerTranslation.toProto(TriggerTranslation.fromProto(proto))).isEqualTo(proto);
    assertThat(proto.toString()).doesNotContain("java_serialized");
  }

  @Test
  void earlyAndLateFiringsAreTheirOwnFields() {
    io.runnel.sdk.portable.proto.Trigger proto = TriggerTranslation.toProto(
        AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(4)));

    assertThat(proto.getAfterEndOfWindow().hasEarlyFirings()).isFalse();
    assertThat(proto.getAfterEndOfWindow().getLateFirings().getElementCount().getElementCount())
        .isEqualTo(4);
  }

  @Test
  void processingTimeStepsKeepTheirOrder() {
    io.runnel.sdk.portable.proto.Trigger proto = TriggerTranslation.toProto(
        AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.ofMillis(10), Instant.ofEpochMilli(3))
            .plusDelayOf(Duration.ofMillis(5)));

    assertThat(proto.getAfterProcessingTime().getTimestampTransformsList()).containsExactly(
        TimestampTransform.newBuilder().setAlignTo(TimestampTransform.AlignTo.newBuilder()
            .setPeriodMillis(10).setOffsetMillis(3)).build(),
        TimestampTransform.newBuilder().setDelay(TimestampTransform.Delay.newBuilder()
            .setDelayMillis(5)).build());
  }

  @Test
  void customTriggerInsideAStructuredOneStaysJavaSerialized() {
    Trigger trigger = Repeatedly.forever(new EveryOther());

    io.runnel.sdk.portable.proto.Trigger proto = TriggerTranslation.toProto(trigger);

    assertThat(proto.getRepeat().getSubtrigger().hasJavaSerialized()).isTrue();
    assertThat(TriggerTranslation.fromProto(proto)).isEqualTo(trigger);
  }

  @Test
  void subMillisecondDelayIsRejectedNamingTheValue() {
    Trigger trigger = AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofNanos(10));

    assertThatThrownBy(() -> TriggerTranslation.toProto(trigger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AfterProcessingTime delay PT0.00000001S");
  }

  /** A trigger the SDK does not know, so it has no structured form. */
  static final class EveryOther extends Trigger {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return "EveryOther";
    }
  }
}
