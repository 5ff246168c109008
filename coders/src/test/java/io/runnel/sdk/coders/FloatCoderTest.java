package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class FloatCoderTest {
  private static final Float[] VALUES = {
        0.0f,
        -0.0f,
        1.5f,
        Float.NaN,
        Float.POSITIVE_INFINITY,
        Float.MAX_VALUE,
        Float.MIN_VALUE
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Float value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(FloatCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(FloatCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("FloatCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isNotDeterministicAsInBeam() {
    assertThatThrownBy(() -> FloatCoder.of().verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("FloatCoder is not deterministic because floating point");
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(FloatCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Float> copy = CoderProperties.serializeAndDeserialize(FloatCoder.of());
    assertThat(copy).isEqualTo(FloatCoder.of()).hasSameHashCodeAs(FloatCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(FloatCoder.of()).hasToString("FloatCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> FloatCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesInFourBytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(FloatCoder.of(), 1.5f)).hasSize(4);
  }
}
