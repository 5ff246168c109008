package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class BooleanCoderTest {
  private static final Boolean[] VALUES = {
        true,
        false
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Boolean value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(BooleanCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(BooleanCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("BooleanCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> BooleanCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(BooleanCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Boolean> copy = CoderProperties.serializeAndDeserialize(BooleanCoder.of());
    assertThat(copy).isEqualTo(BooleanCoder.of()).hasSameHashCodeAs(BooleanCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(BooleanCoder.of()).hasToString("BooleanCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> BooleanCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void rejectsBytesOtherThanZeroAndOneWhenDecoding() {
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(BooleanCoder.of(), new byte[] {2}))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("cannot decode byte 2");
  }
}
