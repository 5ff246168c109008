package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class VarIntCoderTest {
  private static final Integer[] VALUES = {
        0,
        1,
        127,
        128,
        -1,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Integer value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(VarIntCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(VarIntCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("VarIntCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> VarIntCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(VarIntCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Integer> copy = CoderProperties.serializeAndDeserialize(VarIntCoder.of());
    assertThat(copy).isEqualTo(VarIntCoder.of()).hasSameHashCodeAs(VarIntCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(VarIntCoder.of()).hasToString("VarIntCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> VarIntCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesSmallValuesInOneByte() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(VarIntCoder.of(), 127)).hasSize(1);
  }

  @Test
  void encodesNegativeValuesInFiveBytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(VarIntCoder.of(), -1)).hasSize(5);
  }
}
