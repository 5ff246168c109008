package io.runnel.sdk.coders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.runnel.sdk.coders.internal.IsoJavaTimeModule;
import io.runnel.sdk.coders.internal.LengthPrefixed;
import io.runnel.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a value as UTF-8 JSON with Jackson's default data binding, framed by a varint length.
 * Common {@code java.time} types are written as ISO-8601 strings ({@link IsoJavaTimeModule});
 * {@code jackson-datatype-jsr310} is not used, so other {@code java.time} types and Java 8
 * {@code Optional} are not supported. Never deterministic (property and map order are up to
 * Jackson and the value). Null is rejected.
 *
 * <p>Readers and writers are built once per coder and shared; thread-safe.
 */
public final class JsonCoder<T> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new IsoJavaTimeModule());

  private final TypeDescriptor<T> type;
  private transient volatile ObjectReader reader;
  private transient volatile ObjectWriter writer;

  private JsonCoder(TypeDescriptor<T> type) {
    this.type = type;
  }

  /** A coder for values of the class {@code type}. */
  public static <T> JsonCoder<T> of(Class<T> type) {
    return of(TypeDescriptor.of(CoderPreconditions.checkArgumentNotNull(type, "type")));
  }

  /** A coder for values of a generic type, such as {@code new TypeDescriptor<List<Event>>() {}}. */
  public static <T> JsonCoder<T> of(TypeDescriptor<T> type) {
    CoderPreconditions.checkArgumentNotNull(type, "type");
    if (type.hasUnresolvedParameters()) {
      throw new IllegalArgumentException("JsonCoder needs a fully known type, but " + type
          + " has type variables; give the concrete type, e.g. new TypeDescriptor<List<Event>>() {}");
    }
    return new JsonCoder<>(type);
  }

  /** The type of the encoded values. */
  public TypeDescriptor<T> getType() {
    return type;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(value, this);
    byte[] json;
    try {
      json = writer().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new CoderException(this + " cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
    }
    LengthPrefixed.write(json, out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    byte[] json = LengthPrefixed.read(in);
    try {
      return reader().readValue(json);
    } catch (JsonProcessingException e) {
      throw new CoderException(this + " cannot read its JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "JSON property and map entry order is not guaranteed");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonCoder<?> that && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "JsonCoder(" + type + ")";
  }

  private ObjectReader reader() {
    ObjectReader resolved = reader;
    if (resolved == null) {
      resolved = MAPPER.readerFor(MAPPER.constructType(type.getType()));
      reader = resolved;
    }
    return resolved;
  }

  private ObjectWriter writer() {
    ObjectWriter resolved = writer;
    if (resolved == null) {
      resolved = MAPPER.writerFor(MAPPER.constructType(type.getType()));
      writer = resolved;
    }
    return resolved;
  }
}
