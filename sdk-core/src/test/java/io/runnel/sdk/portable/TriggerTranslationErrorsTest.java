package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.runnel.sdk.portable.proto.TimestampTransform;
import io.runnel.sdk.portable.proto.Trigger;
import org.junit.jupiter.api.Test;

/** Malformed trigger protos fail with the path of the offending field. */
class TriggerTranslationErrorsTest {
  private static final Trigger COUNT_TWO = Trigger.newBuilder()
      .setElementCount(Trigger.ElementCount.newBuilder().setElementCount(2)).build();
  private static final Trigger REPEAT_COUNT_TWO = Trigger.newBuilder()
      .setRepeat(Trigger.Repeat.newBuilder().setSubtrigger(COUNT_TWO)).build();

  private static void assertRejected(Trigger proto, String message) {
    assertThatThrownBy(() -> TriggerTranslation.fromProto(proto))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void unsetTriggerIsRejected() {
    assertRejected(Trigger.getDefaultInstance(), "trigger has no case set");
  }

  @Test
  void nonPositiveElementCountNamesTheField() {
    assertRejected(Trigger.newBuilder().setElementCount(Trigger.ElementCount.getDefaultInstance()).build(),
        "trigger.element_count.element_count must be positive: 0");
  }

  @Test
  void missingRepeatedTriggerNamesTheField() {
    assertRejected(Trigger.newBuilder().setRepeat(Trigger.Repeat.getDefaultInstance()).build(),
        "trigger.repeat.subtrigger is not set");
  }

  @Test
  void missingUntilTriggerNamesTheField() {
    assertRejected(Trigger.newBuilder().setOrFinally(Trigger.OrFinally.newBuilder().setMain(COUNT_TWO)).build(),
        "trigger.or_finally.until is not set");
  }

  @Test
  void repeatingUntilTriggerIsRejectedAsNotFiringOnce() {
    assertRejected(Trigger.newBuilder().setOrFinally(Trigger.OrFinally.newBuilder()
            .setMain(COUNT_TWO).setUntil(REPEAT_COUNT_TWO)).build(),
        "trigger.or_finally.until must be a trigger that fires once");
  }

  @Test
  void repeatingEarlyFiringsAreRejectedNamingTheField() {
    assertRejected(Trigger.newBuilder().setAfterEndOfWindow(
            Trigger.AfterEndOfWindow.newBuilder().setEarlyFirings(REPEAT_COUNT_TWO)).build(),
        "trigger.after_end_of_window.early_firings must be a trigger that fires once");
  }

  @Test
  void emptyCompositeNamesTheField() {
    assertRejected(Trigger.newBuilder().setAfterAny(Trigger.AfterAny.getDefaultInstance()).build(),
        "trigger.after_any.subtriggers is empty");
  }

  @Test
  void nestedErrorNamesTheFullPath() {
    Trigger badChild = Trigger.newBuilder()
        .setElementCount(Trigger.ElementCount.newBuilder().setElementCount(-1)).build();
    assertRejected(Trigger.newBuilder().setAfterEach(Trigger.AfterEach.newBuilder()
            .addSubtriggers(COUNT_TWO).addSubtriggers(badChild)).build(),
        "trigger.after_each.subtriggers[1].element_count.element_count must be positive: -1");
  }

  @Test
  void badTimestampTransformNamesItsIndexAndField() {
    assertRejected(Trigger.newBuilder().setAfterProcessingTime(Trigger.AfterProcessingTime.newBuilder()
            .addTimestampTransforms(TimestampTransform.newBuilder()
                .setDelay(TimestampTransform.Delay.newBuilder().setDelayMillis(5)))
            .addTimestampTransforms(TimestampTransform.newBuilder()
                .setAlignTo(TimestampTransform.AlignTo.newBuilder().setPeriodMillis(0)))).build(),
        "trigger.after_processing_time.timestamp_transforms[1].align_to.period_millis must be positive: 0");
  }

  @Test
  void unsetTimestampTransformNamesItsIndex() {
    assertRejected(Trigger.newBuilder().setAfterProcessingTime(Trigger.AfterProcessingTime.newBuilder()
            .addTimestampTransforms(TimestampTransform.getDefaultInstance())).build(),
        "trigger.after_processing_time.timestamp_transforms[0] has no case set");
  }

  @Test
  void alwaysTriggerIsRejectedAsUnsupported() {
    assertRejected(Trigger.newBuilder().setAlways(Trigger.Always.getDefaultInstance()).build(),
        "trigger.always: the Java SDK has no Always trigger");
  }

  @Test
  void garbageJavaSerializedPayloadNamesTheField() {
    assertRejected(Trigger.newBuilder().setJavaSerialized(Trigger.JavaSerialized.newBuilder()
            .setPayload(ByteString.copyFromUtf8("not java"))).build(),
        "trigger.java_serialized.payload");
  }
}
