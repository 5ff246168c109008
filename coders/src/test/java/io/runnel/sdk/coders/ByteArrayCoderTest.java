package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class ByteArrayCoderTest {

  @Test
  void roundTripsEmptyAndNonEmptyArrays() throws Exception {
    for (byte[] value : new byte[][] {{}, {0}, {-128, 127, 0, 1}, new byte[70_000]}) {
      assertThat(CoderProperties.assertRoundTrips(ByteArrayCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoder() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(ByteArrayCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessageStartingWith("ByteArrayCoder cannot encode a null value");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> ByteArrayCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void structuralValuesOfEqualContentsAreEqual() {
    assertThat(ByteArrayCoder.of().consistentWithEquals()).isFalse();
    assertThat(ByteArrayCoder.of().structuralValue(new byte[] {1, 2}))
        .isEqualTo(ByteArrayCoder.of().structuralValue(new byte[] {1, 2}));
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    assertThat(CoderProperties.serializeAndDeserialize(ByteArrayCoder.of())).isEqualTo(ByteArrayCoder.of());
  }

  @Test
  void failsWhenTheStreamIsShorterThanTheLength() {
    assertThatThrownBy(() -> ByteArrayCoder.of().decode(new ByteArrayInputStream(new byte[] {5, 1, 2})))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("2 of 5 bytes");
  }
}
