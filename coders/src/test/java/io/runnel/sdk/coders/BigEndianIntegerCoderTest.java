package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class BigEndianIntegerCoderTest {
  private static final Integer[] VALUES = {
        0,
        -1,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Integer value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(BigEndianIntegerCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(BigEndianIntegerCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("BigEndianIntegerCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> BigEndianIntegerCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(BigEndianIntegerCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Integer> copy = CoderProperties.serializeAndDeserialize(BigEndianIntegerCoder.of());
    assertThat(copy).isEqualTo(BigEndianIntegerCoder.of()).hasSameHashCodeAs(BigEndianIntegerCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(BigEndianIntegerCoder.of()).hasToString("BigEndianIntegerCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> BigEndianIntegerCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesMostSignificantByteFirst() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(BigEndianIntegerCoder.of(), 0x01020304)).containsExactly(1, 2, 3, 4);
  }
}
