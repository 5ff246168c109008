package io.runnel.sdk.portable;

import com.google.protobuf.ByteString;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.portable.proto.Trigger.JavaSerialized;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.Trigger;

/**
 * Translates triggers to and from the structured {@code runnel.v1.Trigger}. The proto covers the
 * whole Beam trigger family; the Java SDK has {@link DefaultTrigger} so far, so every other Java
 * trigger is carried Java-serialized until it gets its structured form here. Stateless and
 * thread-safe.
 */
public final class TriggerTranslation {
  private TriggerTranslation() {}

  /**
   * The portable form of {@code trigger}.
   *
   * @throws IllegalArgumentException if the trigger has no structured form and is not serializable
   */
  public static io.runnel.sdk.portable.proto.Trigger toProto(Trigger trigger) {
    io.runnel.sdk.portable.proto.Trigger.Builder proto = io.runnel.sdk.portable.proto.Trigger.newBuilder();
    if (trigger instanceof DefaultTrigger) {
      return proto.setDefault(io.runnel.sdk.portable.proto.Trigger.Default.getDefaultInstance()).build();
    }
    byte[] bytes = JavaSerialization.serialize(trigger, "trigger " + trigger);
    return proto.setJavaSerialized(JavaSerialized.newBuilder().setPayload(ByteString.copyFrom(bytes)))
        .build();
  }

  /**
   * The trigger {@code proto} describes.
   *
   * @throws IllegalArgumentException for a trigger the Java SDK cannot express yet, or an
   *     undeserializable payload
   */
  public static Trigger fromProto(io.runnel.sdk.portable.proto.Trigger proto) {
    switch (proto.getTriggerCase()) {
      case DEFAULT:
        return DefaultTrigger.of();
      case JAVA_SERIALIZED:
        Object trigger = JavaSerialization.deserialize(
            proto.getJavaSerialized().getPayload().toByteArray(), "trigger");
        if (!(trigger instanceof Trigger typed)) {
          throw new IllegalArgumentException("the trigger payload is a "
              + trigger.getClass().getName() + ", not a Trigger");
        }
        return typed;
      case TRIGGER_NOT_SET:
        throw new IllegalArgumentException("the trigger has no case set");
      default:
        throw new IllegalArgumentException("the Java SDK has no " + proto.getTriggerCase()
            + " trigger yet");
    }
  }
}
