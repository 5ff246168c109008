package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

/** Uses protobuf's well-known types, which are generated messages shipped with protobuf-java. */
class ProtoCoderTest {
  private static final ProtoCoder<Timestamp> CODER = ProtoCoder.of(Timestamp.class);

  @Test
  void roundTripsDefaultAndSetMessages() throws Exception {
    for (Timestamp value : new Timestamp[] {Timestamp.getDefaultInstance(),
        Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).setNanos(999_999_999).build()}) {
      assertThat(CoderProperties.assertRoundTrips(CODER, value)).isEqualTo(value);
    }
  }

  @Test
  void isDeterministicWithoutMapFields() {
    assertThatCode(CODER::verifyDeterministic).doesNotThrowAnyException();
  }

  @Test
  void isNotDeterministicWithAMapFieldNamingIt() {
    assertThatThrownBy(() -> ProtoCoder.of(Struct.class).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("map field google.protobuf.Struct.fields");
  }

  @Test
  void findsMapFieldsInNestedMessages() {
    assertThatThrownBy(() -> ProtoCoder.of(Value.class).verifyDeterministic())
        .hasMessageContaining("map field google.protobuf.Struct.fields");
  }

  @Test
  void rejectsAClassThatIsNotAGeneratedMessage() {
    assertThatThrownBy(() -> ProtoCoder.of(Message.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.google.protobuf.Message has none");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(CODER, null))
        .hasMessageStartingWith("ProtoCoder(com.google.protobuf.Timestamp) cannot encode a null value");
  }

  @Test
  void failsAtTheEndOfTheStream() {
    assertThatThrownBy(() -> CODER.decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.EOFException.class);
  }

  @Test
  void equalsAnotherProtoCoderOfTheSameClassAfterSerialization() throws Exception {
    ProtoCoder<Timestamp> copy = CoderProperties.serializeAndDeserialize(CODER);
    assertThat(copy).isEqualTo(CODER).hasSameHashCodeAs(CODER).isNotEqualTo(ProtoCoder.of(Struct.class));
    Timestamp value = Timestamp.newBuilder().setSeconds(5).build();
    assertThat(CoderUtils.clone(copy, value)).isEqualTo(value);
  }
}
