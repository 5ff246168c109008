package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class BigEndianLongCoderTest {
  private static final Long[] VALUES = {
        0L,
        -1L,
        Long.MIN_VALUE,
        Long.MAX_VALUE
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Long value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(BigEndianLongCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(BigEndianLongCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("BigEndianLongCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> BigEndianLongCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(BigEndianLongCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Long> copy = CoderProperties.serializeAndDeserialize(BigEndianLongCoder.of());
    assertThat(copy).isEqualTo(BigEndianLongCoder.of()).hasSameHashCodeAs(BigEndianLongCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(BigEndianLongCoder.of()).hasToString("BigEndianLongCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> BigEndianLongCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesMostSignificantByteFirst() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(BigEndianLongCoder.of(), 0x0102030405060708L))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }
}
