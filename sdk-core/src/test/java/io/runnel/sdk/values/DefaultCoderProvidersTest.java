package io.runnel.sdk.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.IntervalWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Beam's registry has default coders for windows and timestamped values; ours gets them from the
 * windowing and sdk-core modules through {@code CoderProviderRegistrar}s.
 */
class DefaultCoderProvidersTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00.123456789Z");

  @Test
  void windowsHaveTheirCoders() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    assertThat(registry.getCoder(IntervalWindow.class)).isSameAs(IntervalWindow.getCoder());
    assertThat(registry.getCoder(GlobalWindow.class)).isSameAs(GlobalWindow.Coder.INSTANCE);
    IntervalWindow window = new IntervalWindow(AT, AT.plusSeconds(60));
    Coder<IntervalWindow> coder = registry.getCoder(IntervalWindow.class);
    assertThat(CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, window)))
        .isEqualTo(window);
  }

  @Test
  void timestampedValuesTakeTheCoderOfTheirValueAndKeepTheWholeTimestamp() throws Exception {
    Coder<TimestampedValue<Long>> coder = CoderRegistry.createDefault()
        .getCoder(new TypeDescriptor<TimestampedValue<Long>>() {});
    assertThat(coder).isEqualTo(TimestampedValue.TimestampedValueCoder.of(VarLongCoder.of()));
    TimestampedValue<Long> value = TimestampedValue.of(42L, AT);
    TimestampedValue<Long> decoded =
        CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
    assertThat(decoded).isEqualTo(value);
    assertThat(decoded.getTimestamp().getNano()).isEqualTo(123_456_789);
    // The value's encoding comes first, as in Beam.
    assertThat(CoderUtils.encodeToByteArray(coder, value)[0]).isEqualTo((byte) 42);
  }

  @Test
  void timestampedValueCoderIsDeterministicExactlyWhenItsValueCoderIs() throws Exception {
    TimestampedValue.TimestampedValueCoder.of(StringUtf8Coder.of()).verifyDeterministic();
    assertThatThrownBy(
        () -> TimestampedValue.TimestampedValueCoder.of(DoubleCoder.of()).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class);
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(
        TimestampedValue.TimestampedValueCoder.of(StringUtf8Coder.of()), null))
        .isInstanceOf(CoderException.class).hasMessageContaining("null TimestampedValue");
  }
}
