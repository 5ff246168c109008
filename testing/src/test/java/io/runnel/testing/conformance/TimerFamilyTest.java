package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesTestStream;
import io.runnel.testing.UsesTimerMap;
import io.runnel.testing.UsesTimersInParDo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: timers of a {@code @TimerFamily} are independent timers named at run time, each
 * firing its family's {@code @OnTimerFamily} method with its name; aligned relative timers use
 * Beam's arithmetic: the first instant at or after the element's timestamp where instant plus
 * offset is a multiple of the period.
 */
@UsesTestStream
@UsesTimersInParDo
class TimerFamilyTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static PCollection<KV<String, Integer>> input(TestPipeline p) {
    return p.apply(TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
        .addElements(TimestampedValue.of(KV.of("k", 1), Instant.ofEpochSecond(100)),
            TimestampedValue.of(KV.of("k", 2), Instant.ofEpochSecond(100)),
            TimestampedValue.of(KV.of("k", 1), Instant.ofEpochSecond(103)))
        .advanceWatermarkToInfinity());
  }

  /** One reminder per value, named after it, due value seconds after the element. */
  static final class RemindersFn extends DoFn<KV<String, Integer>, String> {
    @TimerFamily("reminders")
    private final TimerSpec reminders = TimerSpecs.timerMap(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @Timestamp Instant timestamp,
        @TimerFamily("reminders") TimerMap reminders) {
      reminders.set("r" + e.getValue(), timestamp.plusSeconds(e.getValue()));
    }

    @OnTimerFamily("reminders")
    public void onReminder(@TimerId String timerId, OnTimerContext context,
        OutputReceiver<String> out) {
      out.output(timerId + "@" + context.fireTimestamp().getEpochSecond());
    }
  }

  @Test
  @UsesTimerMap
  void eachTimerOfAFamilyFiresOnceUnderItsOwnName() {
    PCollection<String> out = input(p).apply(ParDo.of(new RemindersFn()));

    // r1 was set at 101, then replaced by 104; r2 fires at 102.
    PAssert.that(out).containsInAnyOrder("r2@102", "r1@104");
    p.run();
  }

  /** Sets a timer aligned to a 10-second period with a 1-second offset. */
  static final class AlignedFn extends DoFn<KV<String, Integer>, String> {
    @TimerId("aligned")
    private final TimerSpec aligned = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @TimerId("aligned") Timer aligned) {
      if (e.getValue() == 2) {
        aligned.align(Duration.ofSeconds(10)).offset(Duration.ofSeconds(1)).setRelative();
      }
    }

    @OnTimer("aligned")
    public void onAligned(OnTimerContext context, OutputReceiver<String> out) {
      out.output("aligned@" + context.fireTimestamp().getEpochSecond());
    }
  }

  @Test
  void anAlignedRelativeTimerLandsWhereTimePlusOffsetIsAMultipleOfThePeriod() {
    PCollection<String> out = input(p).apply(ParDo.of(new AlignedFn()));

    // Element at 100 s: (100 + 1) % 10 = 1, so the timer is set at 100 + 10 - 1 = 109 s,
    // the first instant t >= 100 with (t + 1) a multiple of 10.
    PAssert.that(out).containsInAnyOrder("aligned@109");
    p.run();
  }
}
