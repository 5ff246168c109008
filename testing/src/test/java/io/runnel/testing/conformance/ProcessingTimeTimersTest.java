package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesProcessingTimeTimers;
import io.runnel.testing.UsesStatefulParDo;
import io.runnel.testing.UsesTestStreamWithProcessingTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: processing-time timers follow {@code TestStream}'s virtual clock, firing once it
 * is strictly after their time, relative to the processing time when they were set.
 */
@UsesTestStreamWithProcessingTime
@UsesStatefulParDo
@UsesProcessingTimeTimers
class ProcessingTimeTimersTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** The first element sets a timer one minute of processing time ahead; others report it. */
  static final class MinuteLaterFn extends DoFn<KV<String, Integer>, String> {
    @TimerId("later")
    private final TimerSpec later = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);
    @StateId("fired")
    private final StateSpec<ValueState<Integer>> fired = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @TimerId("later") Timer later,
        @StateId("fired") ValueState<Integer> fired, OutputReceiver<String> out) {
      if (e.getValue() == 1) {
        later.offset(Duration.ofMinutes(1)).setRelative();
      } else {
        out.output("element " + e.getValue() + " sees fired=" + (fired.read() != null));
      }
    }

    @OnTimer("later")
    public void onLater(TimeDomain domain, @Timestamp Instant timestamp,
        @StateId("fired") ValueState<Integer> fired, OutputReceiver<String> out) {
      fired.write(1);
      out.output(domain + " timer fired, stamped " + timestamp.getEpochSecond());
    }
  }

  @Test
  void processingTimeTimerFiresWhenTheVirtualClockPassesIt() {
    PCollection<String> out = p.apply(
            TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
                .addElements(TimestampedValue.of(KV.of("k", 1), Instant.ofEpochSecond(7)))
                .advanceProcessingTime(Duration.ofSeconds(30))
                .addElements(TimestampedValue.of(KV.of("k", 2), Instant.ofEpochSecond(8)))
                .advanceProcessingTime(Duration.ofSeconds(30))
                .addElements(TimestampedValue.of(KV.of("k", 3), Instant.ofEpochSecond(9)))
                .advanceProcessingTime(Duration.ofSeconds(1))
                .addElements(TimestampedValue.of(KV.of("k", 4), Instant.ofEpochSecond(10)))
                .advanceWatermarkToInfinity())
        .apply(ParDo.of(new MinuteLaterFn()));

    // At exactly one minute the timer is not due yet: it fires once the clock is after it.
    PAssert.that(out).containsInAnyOrder("element 2 sees fired=false",
        "element 3 sees fired=false", "PROCESSING_TIME timer fired, stamped 7",
        "element 4 sees fired=true");
    p.run();
  }
}
