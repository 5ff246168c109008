package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ByteCoderTest {
  private static final Byte[] VALUES = {
        (byte) 0,
        Byte.MIN_VALUE,
        Byte.MAX_VALUE,
        (byte) -1
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Byte value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(ByteCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(ByteCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("ByteCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> ByteCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(ByteCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Byte> copy = CoderProperties.serializeAndDeserialize(ByteCoder.of());
    assertThat(copy).isEqualTo(ByteCoder.of()).hasSameHashCodeAs(ByteCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(ByteCoder.of()).hasToString("ByteCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> ByteCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }
}
