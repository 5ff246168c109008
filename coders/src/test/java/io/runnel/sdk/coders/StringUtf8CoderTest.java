package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class StringUtf8CoderTest {
  private static final String[] VALUES = {
        "",
        "hello",
        "h\u00e9llo \u4e16\u754c \uD83D\uDE00",
        "x".repeat(100_000)
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (String value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(StringUtf8Coder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(StringUtf8Coder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("StringUtf8Coder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> StringUtf8Coder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(StringUtf8Coder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<String> copy = CoderProperties.serializeAndDeserialize(StringUtf8Coder.of());
    assertThat(copy).isEqualTo(StringUtf8Coder.of()).hasSameHashCodeAs(StringUtf8Coder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(StringUtf8Coder.of()).hasToString("StringUtf8Coder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> StringUtf8Coder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesLengthThenUtf8Bytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(StringUtf8Coder.of(), "\u00e9")).containsExactly(2, 0xC3 - 256, 0xA9 - 256);
  }
}
