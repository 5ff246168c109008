package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializableCoderTest {
  record Point(int x, String label) implements Serializable {}

  private static final SerializableCoder<Point> CODER = SerializableCoder.of(Point.class);

  @Test
  void roundTripsASerializableValue() throws Exception {
    assertThat(CoderProperties.assertRoundTrips(CODER, new Point(-1, "\u00e9"))).isEqualTo(new Point(-1, "\u00e9"));
  }

  @Test
  void roundTripsAnInstanceOfASubclassOfTheRecordType() throws Exception {
    @SuppressWarnings({"unchecked", "rawtypes"})
    SerializableCoder<ArrayList<String>> coder = (SerializableCoder) SerializableCoder.of(ArrayList.class);
    assertThat(CoderUtils.clone(coder, new ArrayList<>(List.of("a")))).containsExactly("a");
  }

  @Test
  void ofATypeDescriptorCodesItsRawClass() throws Exception {
    SerializableCoder<java.util.ArrayList<String>> coder = SerializableCoder.of(
        new io.runnel.sdk.values.TypeDescriptor<java.util.ArrayList<String>>() {});
    assertThat(coder.getRecordType()).isEqualTo(java.util.ArrayList.class);
    assertThat(CoderUtils.clone(coder, new java.util.ArrayList<>(List.of("x", "y"))))
        .containsExactly("x", "y");
  }

  @Test
  void encodesNullAsJavaSerializationDoesAndDecodesItBack() throws Exception {
    // As Beam's SerializableCoder: null is a value, written as ObjectOutputStream writes it.
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, null);
    assertThat(CoderUtils.decodeFromByteArray(CODER, bytes)).isNull();
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream objects = new java.io.ObjectOutputStream(expected)) {
      objects.writeObject(null);
    }
    assertThat(bytes).endsWith(expected.toByteArray());
  }

  @Test
  void isNeverDeterministic() {
    assertThatThrownBy(CODER::verifyDeterministic)
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("Java serialization is not deterministic");
  }

  @Test
  void equalsAnotherSerializableCoderOfTheSameClass() throws Exception {
    assertThat(SerializableCoder.of(Point.class)).isEqualTo(CODER).hasSameHashCodeAs(CODER)
        .isEqualTo(CoderProperties.serializeAndDeserialize(CODER))
        .isNotEqualTo(SerializableCoder.of(String.class));
    assertThat(CODER.getRecordType()).isEqualTo(Point.class);
  }

  @Test
  void failsNamingBothClassesWhenTheBytesHoldAnotherType() throws Exception {
    byte[] string = CoderUtils.encodeToByteArray(SerializableCoder.of(String.class), "not a point");
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(CODER, string))
        .isInstanceOf(CoderException.class)
        .hasMessageEndingWith("decoded a java.lang.String, not a " + Point.class.getName());
  }

  @Test
  void failsNamingTheCoderWhenTheBytesAreNotASerializedObject() {
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(CODER, new byte[] {2, 1, 2}))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("cannot deserialize");
  }
}
