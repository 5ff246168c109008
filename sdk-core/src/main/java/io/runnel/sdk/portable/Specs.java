package io.runnel.sdk.portable;

import com.google.protobuf.ByteString;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.portable.proto.FunctionSpec;
import java.io.Serializable;

/** Builds and reads {@code FunctionSpec}s whose payload is a Java-serialized object. */
final class Specs {
  private Specs() {}

  /** A spec of {@code urn} with {@code payload}. */
  static FunctionSpec of(String urn, byte[] payload) {
    return FunctionSpec.newBuilder().setUrn(urn).setPayload(ByteString.copyFrom(payload)).build();
  }

  /** A spec of {@code urn} whose payload is {@code value}, serialized; {@code what} names it. */
  static FunctionSpec serialized(String urn, Serializable value, String what) {
    return of(urn, JavaSerialization.serialize(value, what));
  }

  /**
   * The object serialized in {@code spec}, checked to be of {@code urn} and {@code type}.
   *
   * @throws IllegalArgumentException naming {@code what} when the URN or the type is wrong or the
   *     payload cannot be deserialized
   */
  static <T> T deserialize(FunctionSpec spec, String urn, Class<T> type, String what) {
    if (!spec.getUrn().equals(urn)) {
      throw new IllegalArgumentException(what + " has URN '" + spec.getUrn() + "', expected '"
          + urn + "'");
    }
    Object value = JavaSerialization.deserialize(spec.getPayload().toByteArray(), what);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(what + " holds a " + value.getClass().getName()
          + ", expected a " + type.getName());
    }
    return type.cast(value);
  }
}
