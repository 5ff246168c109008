package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Assertions every coder should pass. */
final class CoderProperties {
  private CoderProperties() {}

  /**
   * Asserts {@code value} decodes to an equal value, also when followed by another encoding in the
   * same stream (the encoding is self-delimiting), and returns the decoded value.
   */
  static <T> T assertRoundTrips(Coder<T> coder, T value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(value, out);
    coder.encode(value, out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    T first = coder.decode(in);
    T second = coder.decode(in);
    assertThat(in.available()).as("bytes left after decoding twice with %s", coder).isZero();
    assertThat(coder.structuralValue(first)).isEqualTo(coder.structuralValue(value));
    assertThat(coder.structuralValue(second)).isEqualTo(coder.structuralValue(value));
    return first;
  }

  /** Java-serializes and deserializes {@code object}. */
  @SuppressWarnings("unchecked")
  static <T> T serializeAndDeserialize(T object) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
