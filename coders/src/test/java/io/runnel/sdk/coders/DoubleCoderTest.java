package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class DoubleCoderTest {
  private static final Double[] VALUES = {
        0.0,
        -0.0,
        1.5,
        Double.NaN,
        Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE,
        Double.MIN_VALUE
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Double value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(DoubleCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(DoubleCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("DoubleCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isNotDeterministicAsInBeam() {
    assertThatThrownBy(() -> DoubleCoder.of().verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("DoubleCoder is not deterministic because floating point");
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(DoubleCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Double> copy = CoderProperties.serializeAndDeserialize(DoubleCoder.of());
    assertThat(copy).isEqualTo(DoubleCoder.of()).hasSameHashCodeAs(DoubleCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(DoubleCoder.of()).hasToString("DoubleCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> DoubleCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesInEightBytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(DoubleCoder.of(), Math.PI)).hasSize(8);
  }
}
