package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.portable.proto.Components;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowingStrategyTranslationTest {
  @Test
  void globalDefaultRoundTripsWithStandardParts() {
    SdkComponents components = SdkComponents.create();
    String id = components.registerWindowingStrategy(WindowingStrategy.globalDefault());
    Components proto = components.toComponents();

    io.runnel.sdk.portable.proto.WindowingStrategy written = proto.getWindowingStrategiesOrThrow(id);
    assertThat(written.getWindowFn().getUrn()).isEqualTo(StandardUrns.WindowFns.GLOBAL);
    assertThat(written.getTrigger().hasDefault()).isTrue();
    assertThat(proto.getCodersOrThrow(written.getWindowCoderId()).getSpec().getUrn())
        .isEqualTo(StandardUrns.Coders.GLOBAL_WINDOW);
    assertThat(RehydratedComponents.of(proto).getWindowingStrategy(id))
        .isEqualTo(WindowingStrategy.globalDefault());
  }

  @Test
  void accumulationLatenessAndTimestampCombinerRoundTrip() {
    WindowingStrategy<?, ?> strategy = WindowingStrategy.globalDefault()
        .withMode(WindowingStrategy.AccumulationMode.ACCUMULATING_FIRED_PANES)
        .withAllowedLateness(Duration.ofMinutes(5))
        .withTimestampCombiner(TimestampCombiner.EARLIEST);
    SdkComponents components = SdkComponents.create();
    String id = components.registerWindowingStrategy(strategy);
    Components proto = components.toComponents();

    assertThat(proto.getWindowingStrategiesOrThrow(id).getAllowedLatenessMillis()).isEqualTo(300_000);
    assertThat(RehydratedComponents.of(proto).getWindowingStrategy(id)).isEqualTo(strategy);
  }

  @Test
  void subMillisecondLatenessIsRejectedNamingTheValue() {
    WindowingStrategy<?, ?> strategy =
        WindowingStrategy.globalDefault().withAllowedLateness(Duration.ofNanos(1_500_000));

    assertThatThrownBy(() -> SdkComponents.create().registerWindowingStrategy(strategy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0.0015S");
  }

  @Test
  void closingAndOnTimeBehaviorsRoundTrip() {
    WindowingStrategy<?, ?> strategy = WindowingStrategy.globalDefault()
        .withClosingBehavior(WindowingStrategy.ClosingBehavior.FIRE_ALWAYS)
        .withOnTimeBehavior(WindowingStrategy.OnTimeBehavior.FIRE_IF_NON_EMPTY);
    SdkComponents components = SdkComponents.create();
    String id = components.registerWindowingStrategy(strategy);
    Components proto = components.toComponents();

    assertThat(RehydratedComponents.of(proto).getWindowingStrategy(id)).isEqualTo(strategy);
  }

  @Test
  void malformedStrategyFieldsAreNamed() {
    SdkComponents components = SdkComponents.create();
    components.registerWindowingStrategy(WindowingStrategy.globalDefault());
    io.runnel.sdk.portable.proto.WindowingStrategy good =
        components.toComponents().getWindowingStrategiesMap().values().iterator().next();
    RehydratedComponents rehydrated = RehydratedComponents.of(components.toComponents());

    assertThatThrownBy(() -> WindowingStrategyTranslation.fromProto(
        good.toBuilder().setAllowedLatenessMillis(-1).build(), rehydrated))
        .hasMessageContaining("allowed_lateness_millis must not be negative: -1");
    assertThatThrownBy(() -> WindowingStrategyTranslation.fromProto(
        good.toBuilder().clearClosingBehavior().build(), rehydrated))
        .hasMessageContaining("closing_behavior is unknown");
    assertThatThrownBy(() -> WindowingStrategyTranslation.fromProto(
        good.toBuilder().clearTrigger().build(), rehydrated))
        .hasMessageContaining("trigger has no case set");
  }

  @Test
  void missingStrategyErrorNamesTheId() {
    assertThatThrownBy(() -> RehydratedComponents.of(Components.getDefaultInstance())
        .getWindowingStrategy("windowing_nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'windowing_nowhere'");
  }
}
