package io.runnel.sdk.coders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.CoderException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class VarIntTest {

  @Test
  void roundTripsLongsIncludingNegativeOnes() throws Exception {
    for (long value : new long[] {0, 1, 127, 128, 16_383, 16_384, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      VarInt.encode(value, out);
      assertThat(out.size()).isEqualTo(VarInt.getLength(value));
      assertThat(VarInt.decodeLong(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(value);
    }
  }

  @Test
  void roundTripsIntsIncludingNegativeOnes() throws Exception {
    for (int value : new int[] {0, 300, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      VarInt.encode(value, out);
      assertThat(VarInt.decodeInt(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(value);
    }
  }

  @Test
  void encodesLikeProtobufVarints() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarInt.encode(300, out);
    assertThat(out.toByteArray()).containsExactly(0xAC - 256, 0x02);
  }

  @Test
  void failsWhenTheStreamEndsInsideAVarint() {
    assertThatThrownBy(() -> VarInt.decodeLong(new ByteArrayInputStream(new byte[] {-128})))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void rejectsAnIntVarintLongerThanFiveBytes() {
    byte[] six = {-1, -1, -1, -1, -1, 1};
    assertThatThrownBy(() -> VarInt.decodeInt(new ByteArrayInputStream(six)))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("more than 5 bytes");
  }
}
