package io.runnel.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.CoderUtils;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GlobalWindowTest {
  @Test
  void maxTimestampIsOneDayBeforeTheEndOfTimeAsInBeam() {
    assertThat(GlobalWindow.INSTANCE.maxTimestamp())
        .isEqualTo(BoundedWindow.TIMESTAMP_MAX_VALUE.minus(Duration.ofDays(1)));
    assertThat(GlobalWindow.INSTANCE.maxTimestamp().toEpochMilli()).isEqualTo(9223371950454775L);
  }

  @Test
  void formatsItsMaxTimestampByName() {
    assertThat(BoundedWindow.formatTimestamp(GlobalWindow.INSTANCE.maxTimestamp()))
        .isEqualTo("END_OF_GLOBAL_WINDOW");
  }

  @Test
  void coderEncodesNothingAndDecodesTheInstance() throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(GlobalWindow.Coder.INSTANCE, GlobalWindow.INSTANCE);

    assertThat(bytes).isEmpty();
    assertThat(CoderUtils.decodeFromByteArray(GlobalWindow.Coder.INSTANCE, bytes)).isSameAs(GlobalWindow.INSTANCE);
  }
}
