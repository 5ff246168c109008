package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NullableCoderTest {
  private static final NullableCoder<String> CODER = NullableCoder.of(StringUtf8Coder.of());

  @Test
  void roundTripsNullAndValues() throws Exception {
    assertThat(CoderProperties.assertRoundTrips(CODER, null)).isNull();
    assertThat(CoderProperties.assertRoundTrips(CODER, "")).isEmpty();
    assertThat(CoderProperties.assertRoundTrips(CODER, "\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void encodesNullAsOneZeroByte() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(CODER, null)).containsExactly(0);
  }

  @Test
  void rejectsAnUnknownMarkerByte() {
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(CODER, new byte[] {7}))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("cannot decode null marker 7");
  }

  @Test
  void wrappingTwiceReturnsTheSameCoder() {
    assertThat(NullableCoder.of(CODER)).isSameAs(CODER);
  }

  @Test
  void isDeterministicWhenTheValueCoderIs() {
    assertThatCode(CODER::verifyDeterministic).doesNotThrowAnyException();
    assertThatThrownBy(() -> NullableCoder.of(DoubleCoder.of()).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class);
  }

  @Test
  void equalsAnotherNullableCoderOfAnEqualValueCoder() throws Exception {
    assertThat(NullableCoder.of(StringUtf8Coder.of())).isEqualTo(CODER).hasSameHashCodeAs(CODER)
        .isEqualTo(CoderProperties.serializeAndDeserialize(CODER));
    assertThat(CODER).hasToString("NullableCoder(StringUtf8Coder)");
    assertThat(CODER.getValueCoder()).isEqualTo(StringUtf8Coder.of());
  }
}
