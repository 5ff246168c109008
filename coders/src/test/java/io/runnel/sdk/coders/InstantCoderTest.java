package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantCoderTest {
  // BoundedWindow.TIMESTAMP_MIN_VALUE and TIMESTAMP_MAX_VALUE; windowing sits above this module.
  private static final Instant TIMESTAMP_MIN_VALUE = Instant.ofEpochMilli(-9223372036854775L);
  private static final Instant TIMESTAMP_MAX_VALUE = Instant.ofEpochMilli(9223372036854775L);

  private static final List<Instant> ORDERED = List.of(
      TIMESTAMP_MIN_VALUE,
      Instant.ofEpochSecond(-1, 0),
      Instant.ofEpochSecond(-1, 1),
      Instant.ofEpochSecond(-1, 500_000_000),
      Instant.ofEpochMilli(-1),
      Instant.ofEpochMilli(-1).plusNanos(999_999),
      Instant.EPOCH,
      Instant.ofEpochSecond(0, 1),
      Instant.ofEpochSecond(0, 999_999),
      Instant.ofEpochMilli(1),
      Instant.ofEpochSecond(1_700_000_000, 123_456_789),
      TIMESTAMP_MAX_VALUE);

  private static byte[] encode(Instant instant) throws Exception {
    return CoderUtils.encodeToByteArray(InstantCoder.of(), instant);
  }

  @Test
  void roundTripsInstantsIncludingSubMillisecondOnes() throws Exception {
    for (Instant instant : ORDERED) {
      assertThat(CoderUtils.decodeFromByteArray(InstantCoder.of(), encode(instant))).isEqualTo(instant);
    }
  }

  @Test
  void encodedBytesSortInTimeOrder() throws Exception {
    List<byte[]> encoded = new ArrayList<>();
    for (Instant instant : ORDERED) {
      encoded.add(encode(instant));
    }
    for (int i = 1; i < encoded.size(); i++) {
      assertThat(Arrays.compareUnsigned(encoded.get(i - 1), encoded.get(i)))
          .as("%s before %s", ORDERED.get(i - 1), ORDERED.get(i))
          .isNegative();
    }
  }

  @Test
  void wholeMillisecondsTakeNineBytes() throws Exception {
    assertThat(encode(Instant.ofEpochMilli(1234))).hasSize(9);
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> encode(null)).isInstanceOf(CoderException.class);
  }
}
