package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class VoidCoderTest {

  @Test
  void encodesNullAsNoBytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(VoidCoder.of(), null)).isEmpty();
  }

  @Test
  void decodesNull() throws Exception {
    assertThat(CoderUtils.decodeFromByteArray(VoidCoder.of(), new byte[0])).isNull();
  }

  @Test
  void isDeterministic() {
    assertThatCode(() -> VoidCoder.of().verifyDeterministic()).doesNotThrowAnyException();
  }

  @Test
  void equalsItselfAfterJavaSerialization() throws Exception {
    assertThat(CoderProperties.serializeAndDeserialize(VoidCoder.of())).isEqualTo(VoidCoder.of());
  }
}
