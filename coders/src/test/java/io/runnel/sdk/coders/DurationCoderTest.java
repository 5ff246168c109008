package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationCoderTest {
  private static final Duration[] VALUES = {
        Duration.ZERO,
        Duration.ofMillis(1500),
        Duration.ofNanos(1),
        Duration.ofSeconds(-5, 3),
        Duration.ofSeconds(Long.MIN_VALUE),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)
  };

  @Test
  void roundTripsEdgeValues() throws Exception {
    for (Duration value : VALUES) {
      assertThat(CoderProperties.assertRoundTrips(DurationCoder.of(), value)).isEqualTo(value);
    }
  }

  @Test
  void rejectsNullNamingTheCoderAndTheFix() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(DurationCoder.of(), null))
        .isInstanceOf(CoderException.class)
        .hasMessage("DurationCoder cannot encode a null value; wrap it with NullableCoder.of(...)");
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> DurationCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(DurationCoder.of().consistentWithEquals()).isTrue();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    Coder<Duration> copy = CoderProperties.serializeAndDeserialize(DurationCoder.of());
    assertThat(copy).isEqualTo(DurationCoder.of()).hasSameHashCodeAs(DurationCoder.of());
  }

  @Test
  void printsItsSimpleName() {
    assertThat(DurationCoder.of()).hasToString("DurationCoder");
  }

  @Test
  void failsOnTruncatedInput() {
    assertThatThrownBy(() -> DurationCoder.of().decode(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void encodesWholeSecondsCompactly() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(DurationCoder.of(), Duration.ofSeconds(60))).hasSize(2);
  }
}
