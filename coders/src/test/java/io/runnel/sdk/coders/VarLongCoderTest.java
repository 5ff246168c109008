package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class VarLongCoderTest {
  private static final Long[] VALUES = {
        0L,
        1L,
        127L,
        128L,
        -1L,
        Long.MIN_VALUE,
        Long.MAX_VALUE
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Long value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(VarLongCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(VarLongCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("VarLongCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> VarLongCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(VarLongCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Long> copy = CoderProperties.serializeAndDeserialize(VarLongCoder.of());
    assertThat(copy).isEqualTo(VarLongCoder.of()).hasSameHashCodeAs(VarLongCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(VarLongCoder.of()).hasToString("VarLongCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> VarLongCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesSmallValuesInOneByte() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(VarLongCoder.of(), 5L)).containsExactly(5);
  }

  @Test
  void encodesNegativeValuesInTenBytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(VarLongCoder.of(), Long.MIN_VALUE)).hasSize(10);
  }
}
