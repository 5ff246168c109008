package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.Repeatedly;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Groupings that could never emit are refused when the pipeline is built, not discovered by a job
 * that runs forever: an unbounded collection in the global window with the default trigger cannot
 * be grouped, and a trigger must come with an allowed lateness (outside the global window) and an
 * accumulation mode. Each refusal is an exception whose message names the call that fixes it, as
 * Beam's construction-time checks do; the fixed pipelines are accepted and emit.
 */
class UnboundedGroupingValidationTest {
  @RegisterExtension final transient TestPipeline p =
      TestPipeline.create().enableAbandonedNodeEnforcement(false);

  private static final KvCoder<String, Integer> CODER = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  private PCollection<KV<String, Integer>> unbounded() {
    return p.apply(TestStream.create(CODER)
        .addElements(TimestampedValue.of(KV.of("k", 1), Instant.EPOCH.plusSeconds(60)))
        .addElements(TimestampedValue.of(KV.of("k", 2), Instant.EPOCH.plusSeconds(120)))
        .advanceWatermarkToInfinity());
  }

  @Test
  void groupByKeyOfAnUnboundedGlobalWindowWithTheDefaultTriggerIsRefused() {
    PCollection<KV<String, Integer>> input = unbounded();

    assertThatThrownBy(() -> input.apply(GroupByKey.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GroupByKey")
        .hasMessageContaining("unbounded")
        .hasMessageContaining("global window")
        .hasMessageContaining("default trigger")
        .hasMessageContaining("Window.into(FixedWindows.of(")
        .hasMessageContaining(".triggering(");
  }

  @Test
  void combinePerKeyOfAnUnboundedGlobalWindowWithTheDefaultTriggerIsRefused() {
    PCollection<KV<String, Integer>> input = unbounded();

    assertThatThrownBy(() -> input.apply(Sum.integersPerKey()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unbounded")
        .hasMessageContaining("global window")
        .hasMessageContaining("Window.into(FixedWindows.of(")
        .hasMessageContaining(".triggering(");
  }

  @Test
  void explicitGlobalWindowsWithTheDefaultTriggerIsStillRefused() {
    PCollection<KV<String, Integer>> input = unbounded()
        .apply(Window.into(new GlobalWindows()));

    assertThatThrownBy(() -> input.apply(GroupByKey.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unbounded");
  }

  @Test
  @UsesTestStream
  void fixedWindowsMakeTheUnboundedGroupingValidAndItEmitsPerWindow() {
    PCollection<String> panes = unbounded()
        .apply(Window.into(FixedWindows.of(TEN_MINUTES)))
        .apply(Sum.integersPerKey())
        .apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder("[0m, 10m) k:3 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }

  @Test
  @UsesTestStream
  void aTriggerMakesTheUnboundedGlobalWindowGroupingValidAndItEmitsPanes() {
    PCollection<String> panes = unbounded()
        .apply(Window.<KV<String, Integer>>configure()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
            .discardingFiredPanes())
        .apply(Sum.integersPerKey())
        .apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder(
        "global k:1 EARLY index=0 first",
        "global k:2 EARLY index=1",
        "global k:0 ON_TIME index=2 onTimeIndex=0 last");
    p.run();
  }

  @Test
  void aBoundedGlobalWindowWithTheDefaultTriggerGroupsAtTheEndOfInput() {
    PCollection<String> panes = p.apply(Create.of(KV.of("k", 1), KV.of("k", 2)).withCoder(CODER))
        .apply(Sum.integersPerKey())
        .apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder("global k:3 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }

  @Test
  void aTriggerOnFixedWindowsWithoutAllowedLatenessIsRefusedNamingTheFix() {
    Window<KV<String, Integer>> window = Window.<KV<String, Integer>>into(FixedWindows.of(TEN_MINUTES))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .accumulatingFiredPanes();
    PCollection<KV<String, Integer>> input = unbounded();

    assertThatThrownBy(() -> input.apply(window))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed lateness")
        .hasMessageContaining(".withAllowedLateness(");
  }

  @Test
  void aTriggerWithoutAnAccumulationModeIsRefusedNamingBothModes() {
    Window<KV<String, Integer>> window = Window.<KV<String, Integer>>into(FixedWindows.of(TEN_MINUTES))
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.ZERO);
    PCollection<KV<String, Integer>> input = unbounded();

    assertThatThrownBy(() -> input.apply(window))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accumulation mode")
        .hasMessageContaining(".accumulatingFiredPanes()")
        .hasMessageContaining(".discardingFiredPanes()");
  }

  @Test
  void aTriggerOnTheGlobalWindowNeedsNoAllowedLatenessButStillAnAccumulationMode() {
    Window<KV<String, Integer>> window = Window.<KV<String, Integer>>into(new GlobalWindows())
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)));
    PCollection<KV<String, Integer>> input = unbounded();

    assertThatThrownBy(() -> input.apply(window))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".accumulatingFiredPanes()")
        .hasMessageNotContaining("allowed lateness");
  }
}
