package io.runnel.sdk.portable;

import io.runnel.sdk.internal.JavaSerialization;
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
import io.runnel.windowing.Trigger.OnceTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds Java triggers from {@code runnel.v1.Trigger} through the windowing module's public
 * factories, so a rebuilt trigger equals the one translated. Every error names the offending
 * field as a path, e.g. {@code trigger.or_finally.until.element_count.element_count}.
 */
final class TriggerRehydration {
  private TriggerRehydration() {}

  /** The trigger {@code proto} describes; {@code path} names {@code proto} in errors. */
  static Trigger rehydrate(io.runnel.sdk.portable.proto.Trigger proto, String path) {
    return switch (proto.getTriggerCase()) {
      case DEFAULT -> DefaultTrigger.of();
      case AFTER_END_OF_WINDOW -> afterEndOfWindow(proto.getAfterEndOfWindow(),
          path + ".after_end_of_window");
      case AFTER_PROCESSING_TIME -> afterProcessingTime(proto.getAfterProcessingTime(),
          path + ".after_processing_time");
      case AFTER_SYNCHRONIZED_PROCESSING_TIME -> AfterSynchronizedProcessingTime.ofFirstElement();
      case ELEMENT_COUNT -> elementCount(proto.getElementCount().getElementCount(),
          path + ".element_count.element_count");
      case REPEAT -> Repeatedly.forever(required(proto.getRepeat().hasSubtrigger(),
          proto.getRepeat().getSubtrigger(), path + ".repeat.subtrigger"));
      case AFTER_EACH -> AfterEach.inOrder(all(proto.getAfterEach().getSubtriggersList(),
          path + ".after_each.subtriggers"));
      case AFTER_ANY -> AfterFirst.of(all(proto.getAfterAny().getSubtriggersList(),
          path + ".after_any.subtriggers"));
      case AFTER_ALL -> AfterAll.of(all(proto.getAfterAll().getSubtriggersList(),
          path + ".after_all.subtriggers"));
      case NEVER -> Never.ever();
      case OR_FINALLY -> orFinally(proto.getOrFinally(), path + ".or_finally");
      case JAVA_SERIALIZED -> javaSerialized(proto.getJavaSerialized().getPayload().toByteArray(),
          path + ".java_serialized.payload");
      case ALWAYS -> throw new IllegalArgumentException(path + ".always: the Java SDK has no"
          + " Always trigger");
      case TRIGGER_NOT_SET -> throw new IllegalArgumentException(path + " has no case set");
    };
  }

  private static Trigger afterEndOfWindow(
      io.runnel.sdk.portable.proto.Trigger.AfterEndOfWindow proto, String path) {
    AfterWatermark.FromEndOfWindow onTime = AfterWatermark.pastEndOfWindow();
    OnceTrigger early = proto.hasEarlyFirings()
        ? once(proto.getEarlyFirings(), path + ".early_firings") : null;
    OnceTrigger late = proto.hasLateFirings()
        ? once(proto.getLateFirings(), path + ".late_firings") : null;
    if (early == null && late == null) {
      return onTime;
    }
    if (early == null) {
      return onTime.withLateFirings(late);
    }
    AfterWatermark.AfterWatermarkEarlyAndLate withEarly = onTime.withEarlyFirings(early);
    return late == null ? withEarly : withEarly.withLateFirings(late);
  }

  private static Trigger afterProcessingTime(
      io.runnel.sdk.portable.proto.Trigger.AfterProcessingTime proto, String path) {
    AfterProcessingTime trigger = AfterProcessingTime.pastFirstElementInPane();
    for (int i = 0; i < proto.getTimestampTransformsCount(); i++) {
      TimestampTransform transform = proto.getTimestampTransforms(i);
      String at = path + ".timestamp_transforms[" + i + "]";
      switch (transform.getTimestampTransformCase()) {
        case DELAY -> {
          long delay = transform.getDelay().getDelayMillis();
          if (delay < 0) {
            throw new IllegalArgumentException(at + ".delay.delay_millis must not be negative: "
                + delay);
          }
          trigger = trigger.plusDelayOf(Duration.ofMillis(delay));
        }
        case ALIGN_TO -> {
          long period = transform.getAlignTo().getPeriodMillis();
          if (period <= 0) {
            throw new IllegalArgumentException(at + ".align_to.period_millis must be positive: "
                + period);
          }
          trigger = trigger.alignedTo(Duration.ofMillis(period),
              Instant.ofEpochMilli(transform.getAlignTo().getOffsetMillis()));
        }
        case TIMESTAMPTRANSFORM_NOT_SET -> throw new IllegalArgumentException(at
            + " has no case set");
      }
    }
    return trigger;
  }

  private static Trigger elementCount(int count, String path) {
    if (count < 1) {
      throw new IllegalArgumentException(path + " must be positive: " + count);
    }
    return AfterPane.elementCountAtLeast(count);
  }

  private static Trigger orFinally(io.runnel.sdk.portable.proto.Trigger.OrFinally proto,
      String path) {
    Trigger main = required(proto.hasMain(), proto.getMain(), path + ".main");
    if (!proto.hasUntil()) {
      throw new IllegalArgumentException(path + ".until is not set");
    }
    return main.orFinally(once(proto.getUntil(), path + ".until"));
  }

  private static Trigger required(boolean isSet, io.runnel.sdk.portable.proto.Trigger proto,
      String path) {
    if (!isSet) {
      throw new IllegalArgumentException(path + " is not set");
    }
    return rehydrate(proto, path);
  }

  private static OnceTrigger once(io.runnel.sdk.portable.proto.Trigger proto, String path) {
    Trigger trigger = rehydrate(proto, path);
    if (!(trigger instanceof OnceTrigger once)) {
      throw new IllegalArgumentException(path + " must be a trigger that fires once, but is "
          + trigger);
    }
    return once;
  }

  private static List<Trigger> all(List<io.runnel.sdk.portable.proto.Trigger> protos, String path) {
    if (protos.isEmpty()) {
      throw new IllegalArgumentException(path + " is empty; at least one trigger is needed");
    }
    List<Trigger> triggers = new ArrayList<>(protos.size());
    for (int i = 0; i < protos.size(); i++) {
      triggers.add(rehydrate(protos.get(i), path + "[" + i + "]"));
    }
    return triggers;
  }

  private static Trigger javaSerialized(byte[] payload, String path) {
    Object trigger = JavaSerialization.deserialize(payload, path);
    if (!(trigger instanceof Trigger typed)) {
      throw new IllegalArgumentException(path + " holds a " + trigger.getClass().getName()
          + ", not a Trigger");
    }
    return typed;
  }
}
