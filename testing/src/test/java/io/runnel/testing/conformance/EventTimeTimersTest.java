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
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesStatefulParDo;
import io.runnel.testing.UsesStrictTimerOrdering;
import io.runnel.testing.UsesTestStream;
import io.runnel.testing.UsesTimersInParDo;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: event-time timers fire in timestamp order once the input watermark passes them,
 * setting a timer again replaces it, clearing removes it, a timer set in the past fires at once,
 * and a pending timer holds the output watermark at its output timestamp.
 */
@UsesTestStream
@UsesTimersInParDo
class EventTimeTimersTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private static TestStream.Builder<KV<String, Integer>> stream() {
    return TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
  }

  /** Sets three timers out of order; each firing appends its id to the firings seen so far. */
  static final class ThreeTimersFn extends DoFn<KV<String, Integer>, String> {
    @TimerId("late")
    private final TimerSpec late = TimerSpecs.timer(TimeDomain.EVENT_TIME);
    @TimerId("early")
    private final TimerSpec early = TimerSpecs.timer(TimeDomain.EVENT_TIME);
    @TimerId("middle")
    private final TimerSpec middle = TimerSpecs.timer(TimeDomain.EVENT_TIME);
    @StateId("fired")
    private final StateSpec<ValueState<String>> fired = StateSpecs.value(StringUtf8Coder.of());

    @ProcessElement
    public void process(@TimerId("late") Timer late, @TimerId("early") Timer early,
        @TimerId("middle") Timer middle) {
      late.set(at(30));
      early.set(at(10));
      middle.set(at(20));
    }

    @OnTimer("late")
    public void onLate(@StateId("fired") ValueState<String> fired, OutputReceiver<String> out) {
      append("late", fired, out);
    }

    @OnTimer("early")
    public void onEarly(@StateId("fired") ValueState<String> fired, OutputReceiver<String> out) {
      append("early", fired, out);
    }

    @OnTimer("middle")
    public void onMiddle(@StateId("fired") ValueState<String> fired, OutputReceiver<String> out) {
      append("middle", fired, out);
    }

    private static void append(String id, ValueState<String> fired, OutputReceiver<String> out) {
      String sofar = fired.read() == null ? id : fired.read() + "," + id;
      fired.write(sofar);
      out.output(sofar);
    }
  }

  @Test
  @UsesStatefulParDo
  @UsesStrictTimerOrdering
  void timersFireInTimestampOrder() {
    PCollection<String> out = p.apply(stream()
            .addElements(TimestampedValue.of(KV.of("k", 1), at(0)))
            .advanceWatermarkToInfinity())
        .apply(ParDo.of(new ThreeTimersFn()));

    PAssert.that(out).containsInAnyOrder("early", "early,middle", "early,middle,late");
    p.run();
  }

  /** Sets "a" twice (the second replaces the first), sets "b" then clears it. */
  static final class OverwriteFn extends DoFn<KV<String, Integer>, String> {
    @TimerId("a")
    private final TimerSpec a = TimerSpecs.timer(TimeDomain.EVENT_TIME);
    @TimerId("b")
    private final TimerSpec b = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("a") Timer a, @TimerId("b") Timer b) {
      a.set(at(10));
      b.set(at(20));
      a.offset(Duration.ofSeconds(50)).setRelative();
      b.clear();
    }

    @OnTimer("a")
    public void onA(@Key String key, OnTimerContext context, OutputReceiver<String> out) {
      out.output(key + " a fired at " + context.fireTimestamp().getEpochSecond()
          + ", stamped " + context.timestamp().getEpochSecond());
    }

    @OnTimer("b")
    public void onB(OutputReceiver<String> out) {
      out.output("b fired");
    }
  }

  @Test
  void settingATimerAgainReplacesItAndClearRemovesIt() {
    PCollection<String> out = p.apply(stream()
            .addElements(TimestampedValue.of(KV.of("k", 1), at(5)))
            .advanceWatermarkToInfinity())
        .apply(ParDo.of(new OverwriteFn()));

    PAssert.that(out).containsInAnyOrder("k a fired at 55, stamped 55");
    p.run();
  }

  /** The first element sets a timer behind the watermark; later elements report whether it fired. */
  static final class PastTimerFn extends DoFn<KV<String, Integer>, String> {
    @TimerId("past")
    private final TimerSpec past = TimerSpecs.timer(TimeDomain.EVENT_TIME);
    @StateId("fired")
    private final StateSpec<ValueState<Integer>> fired = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @TimerId("past") Timer past,
        @StateId("fired") ValueState<Integer> fired, OutputReceiver<String> out) {
      if (e.getValue() == 1) {
        past.set(at(50));
      } else {
        out.output("element " + e.getValue() + " sees fired=" + (fired.read() != null));
      }
    }

    @OnTimer("past")
    public void onPast(@StateId("fired") ValueState<Integer> fired, OutputReceiver<String> out) {
      fired.write(1);
      out.output("past timer fired");
    }
  }

  @Test
  @UsesStatefulParDo
  void aTimerSetBehindTheWatermarkFiresAtOnce() {
    PCollection<String> out = p.apply(stream()
            .advanceWatermarkTo(at(100))
            .addElements(TimestampedValue.of(KV.of("k", 1), at(150)))
            .addElements(TimestampedValue.of(KV.of("k", 2), at(160)))
            .advanceWatermarkToInfinity())
        .apply(ParDo.of(new PastTimerFn()));

    PAssert.that(out).containsInAnyOrder("past timer fired", "element 2 sees fired=true");
    p.run();
  }

  /** Passes elements on and, 80 seconds later in event time, outputs one more at their timestamp. */
  static final class DelayedEchoFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    @TimerId("echo")
    private final TimerSpec echo = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @Timestamp Instant timestamp,
        @TimerId("echo") Timer echo, OutputReceiver<KV<String, Integer>> out) {
      out.output(e);
      echo.withOutputTimestamp(timestamp).set(timestamp.plusSeconds(80));
    }

    @OnTimer("echo")
    public void onEcho(@Key String key, OutputReceiver<KV<String, Integer>> out) {
      out.output(KV.of(key, 0));
    }
  }

  @Test
  void aPendingTimerHoldsTheDownstreamWatermarkAtItsOutputTimestamp() {
    PCollection<KV<String, Long>> counts = p.apply(stream()
            .addElements(TimestampedValue.of(KV.of("k", 1), at(10)))
            .advanceWatermarkTo(at(70))
            .advanceWatermarkTo(at(120))
            .advanceWatermarkToInfinity())
        .apply(ParDo.of(new DelayedEchoFn()))
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1))))
        .apply(Count.perKey());

    // Without the hold, the window [0, 60) would close at watermark 70 with one element and
    // the echo at 10 s would come late.
    PAssert.that(counts).inOnTimePane(new IntervalWindow(at(0), at(60)))
        .containsInAnyOrder(KV.of("k", 2L));
    p.run();
  }
}
