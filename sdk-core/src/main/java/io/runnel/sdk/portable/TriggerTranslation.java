package io.runnel.sdk.portable;

import com.google.protobuf.ByteString;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.portable.proto.TimestampTransform;
import io.runnel.sdk.portable.proto.Trigger.JavaSerialized;
import io.runnel.windowing.AfterAll;
import io.runnel.windowing.AfterEach;
import io.runnel.windowing.AfterFirst;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterSynchronizedProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.AfterWatermark.AfterWatermarkEarlyAndLate;
import io.runnel.windowing.AfterWatermark.FromEndOfWindow;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.Never;
import io.runnel.windowing.Never.NeverTrigger;
import io.runnel.windowing.OrFinallyTrigger;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Trigger;
import java.util.List;

/**
 * Translates triggers to and from the structured {@code runnel.v1.Trigger}. The whole Beam
 * trigger family is structural: {@link DefaultTrigger}, {@code AfterWatermark.pastEndOfWindow()}
 * with optional early and late firings, {@link AfterProcessingTime} with its timestamp
 * transforms, {@link AfterSynchronizedProcessingTime}, {@link AfterPane}, {@link Repeatedly},
 * {@link AfterEach}, {@link AfterFirst}, {@link AfterAll}, {@link Never} and {@link
 * OrFinallyTrigger}. Any other trigger (at any depth) is carried Java-serialized, readable only by
 * a JVM with its classes. Stateless and thread-safe.
 */
public final class TriggerTranslation {
  private TriggerTranslation() {}

  /**
   * The portable form of {@code trigger}.
   *
   * @throws IllegalArgumentException if a trigger with no structured form is not serializable,
   *     or a processing-time step is not a whole number of milliseconds
   */
  public static io.runnel.sdk.portable.proto.Trigger toProto(Trigger trigger) {
    io.runnel.sdk.portable.proto.Trigger.Builder proto = io.runnel.sdk.portable.proto.Trigger.newBuilder();
    if (trigger instanceof DefaultTrigger) {
      proto.setDefault(io.runnel.sdk.portable.proto.Trigger.Default.getDefaultInstance());
    } else if (trigger instanceof FromEndOfWindow) {
      proto.setAfterEndOfWindow(io.runnel.sdk.portable.proto.Trigger.AfterEndOfWindow.getDefaultInstance());
    } else if (trigger instanceof AfterWatermarkEarlyAndLate watermark) {
      io.runnel.sdk.portable.proto.Trigger.AfterEndOfWindow.Builder endOfWindow =
          io.runnel.sdk.portable.proto.Trigger.AfterEndOfWindow.newBuilder();
      if (watermark.getEarlyTrigger() != null) {
        endOfWindow.setEarlyFirings(toProto(watermark.getEarlyTrigger()));
      }
      if (watermark.getLateTrigger() != null) {
        endOfWindow.setLateFirings(toProto(watermark.getLateTrigger()));
      }
      proto.setAfterEndOfWindow(endOfWindow);
    } else if (trigger instanceof AfterProcessingTime processingTime) {
      proto.setAfterProcessingTime(io.runnel.sdk.portable.proto.Trigger.AfterProcessingTime.newBuilder()
          .addAllTimestampTransforms(processingTime.getTimestampTransforms().stream()
              .map(TriggerTranslation::transformToProto).toList()));
    } else if (trigger instanceof AfterSynchronizedProcessingTime) {
      proto.setAfterSynchronizedProcessingTime(
          io.runnel.sdk.portable.proto.Trigger.AfterSynchronizedProcessingTime.getDefaultInstance());
    } else if (trigger instanceof AfterPane pane) {
      proto.setElementCount(io.runnel.sdk.portable.proto.Trigger.ElementCount.newBuilder()
          .setElementCount(pane.getElementCount()));
    } else if (trigger instanceof Repeatedly repeatedly) {
      proto.setRepeat(io.runnel.sdk.portable.proto.Trigger.Repeat.newBuilder()
          .setSubtrigger(toProto(repeatedly.getRepeatedTrigger())));
    } else if (trigger instanceof AfterEach) {
      proto.setAfterEach(io.runnel.sdk.portable.proto.Trigger.AfterEach.newBuilder()
          .addAllSubtriggers(subTriggersToProto(trigger)));
    } else if (trigger instanceof AfterFirst) {
      proto.setAfterAny(io.runnel.sdk.portable.proto.Trigger.AfterAny.newBuilder()
          .addAllSubtriggers(subTriggersToProto(trigger)));
    } else if (trigger instanceof AfterAll) {
      proto.setAfterAll(io.runnel.sdk.portable.proto.Trigger.AfterAll.newBuilder()
          .addAllSubtriggers(subTriggersToProto(trigger)));
    } else if (trigger instanceof NeverTrigger) {
      proto.setNever(io.runnel.sdk.portable.proto.Trigger.Never.getDefaultInstance());
    } else if (trigger instanceof OrFinallyTrigger orFinally) {
      proto.setOrFinally(io.runnel.sdk.portable.proto.Trigger.OrFinally.newBuilder()
          .setMain(toProto(orFinally.getMainTrigger()))
          .setUntil(toProto(orFinally.getUntilTrigger())));
    } else {
      byte[] bytes = JavaSerialization.serialize(trigger, "trigger " + trigger);
      proto.setJavaSerialized(JavaSerialized.newBuilder().setPayload(ByteString.copyFrom(bytes)));
    }
    return proto.build();
  }

  /**
   * The trigger {@code proto} describes.
   *
   * @throws IllegalArgumentException naming the field (as a path from {@code trigger}) that is
   *     unset, out of range, of the wrong kind, or an undeserializable payload
   */
  public static Trigger fromProto(io.runnel.sdk.portable.proto.Trigger proto) {
    return TriggerRehydration.rehydrate(proto, "trigger");
  }

  private static List<io.runnel.sdk.portable.proto.Trigger> subTriggersToProto(Trigger trigger) {
    return trigger.subTriggers().stream().map(TriggerTranslation::toProto).toList();
  }

  private static TimestampTransform transformToProto(io.runnel.windowing.TimestampTransform transform) {
    if (transform instanceof io.runnel.windowing.TimestampTransform.Delay delay) {
      return TimestampTransform.newBuilder().setDelay(TimestampTransform.Delay.newBuilder()
          .setDelayMillis(Millis.of(delay.delay(), "AfterProcessingTime delay"))).build();
    }
    io.runnel.windowing.TimestampTransform.AlignTo align =
        (io.runnel.windowing.TimestampTransform.AlignTo) transform;
    return TimestampTransform.newBuilder().setAlignTo(TimestampTransform.AlignTo.newBuilder()
        .setPeriodMillis(Millis.of(align.period(), "AfterProcessingTime alignment period"))
        .setOffsetMillis(Millis.of(align.offset(), "AfterProcessingTime alignment offset"))).build();
  }
}
