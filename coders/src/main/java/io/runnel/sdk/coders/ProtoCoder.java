package io.runnel.sdk.coders;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.HashSet;
import java.util.Set;

/**
 * Encodes a protocol buffer {@link Message} of a generated class in its wire format, preceded by
 * its length as a varint ({@link Message#writeDelimitedTo}). Deterministic, as in Beam, when the
 * message type has no map fields, directly or in any nested message; not consistent with equals.
 * Null is rejected.
 */
public final class ProtoCoder<T extends Message> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient volatile Parser<T> parser;

  private ProtoCoder(Class<T> type, Parser<T> parser) {
    this.type = type;
    this.parser = parser;
  }

  /**
   * A coder for the generated message class {@code type}.
   *
   * @throws IllegalArgumentException when {@code type} has no static {@code getDefaultInstance()},
   *     as abstract {@code Message} types and non-generated classes do not
   */
  public static <T extends Message> ProtoCoder<T> of(Class<T> type) {
    CoderPreconditions.checkArgumentNotNull(type, "type");
    return new ProtoCoder<>(type, parserFor(type));
  }

  /** The generated message class. */
  public Class<T> getMessageType() {
    return type;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(value, this).writeDelimitedTo(out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    T value;
    try {
      value = parser().parseDelimitedFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new CoderException(this + " cannot parse its message", e);
    }
    if (value == null) {
      throw new EOFException("stream ended before the message of " + this);
    }
    return value;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    String mapField = findMapField(defaultInstance(type).getDescriptorForType(), new HashSet<>());
    if (mapField != null) {
      throw new NonDeterministicException(this,
          "map field " + mapField + " may encode its entries in any order");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProtoCoder<?> that && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "ProtoCoder(" + type.getName() + ")";
  }

  private Parser<T> parser() {
    Parser<T> resolved = parser;
    if (resolved == null) {
      resolved = parserFor(type);
      parser = resolved;
    }
    return resolved;
  }

  /** The full name of a map field reachable from {@code descriptor}, or null when there is none. */
  private static String findMapField(Descriptor descriptor, Set<String> visited) {
    if (!visited.add(descriptor.getFullName())) {
      return null;
    }
    for (FieldDescriptor field : descriptor.getFields()) {
      if (field.isMapField()) {
        return field.getFullName();
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        String nested = findMapField(field.getMessageType(), visited);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> Parser<T> parserFor(Class<T> type) {
    return (Parser<T>) defaultInstance(type).getParserForType();
  }

  private static Message defaultInstance(Class<? extends Message> type) {
    try {
      return (Message) type.getMethod("getDefaultInstance").invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException | ClassCastException e) {
      throw new IllegalArgumentException("ProtoCoder needs a generated message class with a static "
          + "getDefaultInstance(), but " + type.getName() + " has none", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("getDefaultInstance() of " + type.getName() + " failed", e.getCause());
    }
  }
}
