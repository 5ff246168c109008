package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Construction-time checks of {@link WithTimestamps}, as Beam makes them. */
class WithTimestampsTest {
  @Test
  void aNullFunctionIsRejectedAtOnceInBeamsWords() {
    assertThatThrownBy(() -> WithTimestamps.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("WithTimestamps fn cannot be null")
        .hasMessageContaining("WithTimestamps.of(e -> e.eventTime())");
  }
}
