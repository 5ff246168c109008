package io.runnel.runners.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.runners.core.state.InMemoryStateBackend;
import io.runnel.runners.core.state.InMemoryTimerService;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatefulDoFnRunnerTest {
  private static final TupleTag<String> MAIN = new TupleTag<>("main");
  private static final IntervalWindow FIRST = new IntervalWindow(at(0), at(60));

  private final List<WindowedValue<?>> outputs = new ArrayList<>();
  private final InMemoryStateBackend backend = new InMemoryStateBackend();
  private final InMemoryTimerService timers = new InMemoryTimerService();

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  /** Sums per key and window; reports the sum when the window expires. */
  static final class SumFn extends DoFn<KV<String, Integer>, String> {
    @StateId("sum")
    private final StateSpec<ValueState<Integer>> sum = StateSpecs.value(VarIntCoder.of());

    @TimerId("at")
    private final TimerSpec timer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("sum") ValueState<Integer> sum,
        @TimerId("at") Timer timer) {
      sum.write((sum.read() == null ? 0 : sum.read()) + e.getValue());
      if (e.getValue() == 0) {
        timer.withOutputTimestamp(at(5)).set(at(20));
      } else if (e.getValue() < 0) {
        timer.set(at(-e.getValue()));
      }
    }

    @OnTimer("at")
    public void onTimer() {}

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("sum") ValueState<Integer> sum,
        OutputReceiver<String> out) {
      out.output(key + "=" + sum.read());
    }
  }

  private StatefulDoFnRunner<String, Integer, String> runner() {
    return runner(backend, timers);
  }

  private StatefulDoFnRunner<String, Integer, String> runner(InMemoryStateBackend backend,
      InMemoryTimerService timers) {
    StatefulDoFnRunner<String, Integer, String> runner = new StatefulDoFnRunner<>(new SumFn(),
        PipelineOptionsFactory.create(), new OutputManager() {
          @Override
          public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
            outputs.add(output);
          }
        }, SideInputReader.empty(), Map.of(), MAIN, Set.of(MAIN), StringUtf8Coder.of(),
        WindowingStrategy.of(FixedWindows.of(Duration.ofMinutes(1))), backend, timers);
    runner.setup();
    return runner;
  }

  private static WindowedValue<KV<String, Integer>> element(String key, int value, long seconds) {
    return WindowedValue.of(KV.of(key, value), at(seconds), FIRST, PaneInfo.NO_FIRING);
  }

  @Test
  void expirationSeesTheFinalStateThenTheWindowsStateIsDropped() {
    StatefulDoFnRunner<String, Integer, String> runner = runner();
    runner.startBundle(at(0), at(0));
    runner.processElement(element("a", 1, 10));
    runner.processElement(element("a", 2, 20));
    runner.processElement(element("b", 5, 30));
    runner.finishBundle();
    assertThat(backend.liveCells()).isEqualTo(2);
    assertThat(runner.watermarkHold()).isEqualTo(FIRST.maxTimestamp());

    runner.advanceTime(FIRST.maxTimestamp(), at(0));
    assertThat(outputs).isEmpty();
    runner.advanceTime(at(60), at(0));

    List<Object> values = new ArrayList<>();
    outputs.forEach(o -> {
      values.add(o.getValue());
      assertThat(o.getTimestamp()).isEqualTo(FIRST.maxTimestamp());
    });
    assertThat(values).containsExactly("a=3", "b=5");
    assertThat(backend.liveCells()).isZero();
    assertThat(runner.liveWindows()).isZero();
    assertThat(runner.watermarkHold()).isNull();
  }

  @Test
  void aRunnerOverRestoredStateAndTimersCarriesOn() {
    StatefulDoFnRunner<String, Integer, String> before = runner();
    before.startBundle(at(0), at(0));
    before.processElement(element("a", 1, 10));
    before.processElement(element("a", 2, 20));
    before.processElement(element("b", -40, 30));
    before.finishBundle();

    InMemoryStateBackend restoredState = new InMemoryStateBackend();
    restoredState.restore(backend.snapshot(backend.keyGroupRange()));
    InMemoryTimerService restoredTimers = new InMemoryTimerService();
    restoredTimers.restore(timers.snapshot(backend.keyGroupRange()));
    StatefulDoFnRunner<String, Integer, String> after = runner(restoredState, restoredTimers);

    assertThat(restoredTimers.size()).isEqualTo(1);
    assertThat(after.liveWindows()).isEqualTo(2);
    assertThat(after.watermarkHold()).isEqualTo(at(40));
    after.advanceTime(at(60), at(0));
    List<Object> values = new ArrayList<>();
    outputs.forEach(o -> values.add(o.getValue()));
    assertThat(values).containsExactlyInAnyOrder("a=3", "b=-40");
    assertThat(restoredState.liveCells()).isZero();
    assertThat(restoredTimers.size()).isZero();
  }

  @Test
  void elementsOfExpiredWindowsAreDroppedAndCounted() {
    StatefulDoFnRunner<String, Integer, String> runner = runner();
    runner.startBundle(at(61), at(0));
    runner.processElement(element("a", 1, 10));
    runner.finishBundle();

    assertThat(runner.droppedDueToLateness()).isEqualTo(1);
    assertThat(backend.liveCells()).isZero();
  }

  @Test
  void aTimerHoldsTheWatermarkUntilItFires() {
    StatefulDoFnRunner<String, Integer, String> runner = runner();
    runner.startBundle(at(0), at(0));
    runner.processElement(element("a", -20, 10));
    runner.finishBundle();

    assertThat(runner.watermarkHold()).isEqualTo(at(20));
    runner.advanceTime(at(21), at(0));
    assertThat(timers.size()).isZero();
    assertThat(runner.watermarkHold()).isEqualTo(FIRST.maxTimestamp());
  }

  @Test
  void aTimerOutputTimestampBeforeTheElementIsRejected() {
    StatefulDoFnRunner<String, Integer, String> runner = runner();
    runner.startBundle(at(0), at(0));

    assertThatThrownBy(() -> runner.processElement(element("a", 0, 10)))
        .isInstanceOf(UserCodeException.class)
        .hasMessageContaining("allowed skew");
    assertThat(timers.size()).isZero();
  }

  @Test
  void anEventTimeTimerAfterTheWindowExpiresIsRejected() {
    StatefulDoFnRunner<String, Integer, String> runner = runner();
    runner.startBundle(at(0), at(0));

    assertThatThrownBy(() -> runner.processElement(element("a", -61, 10)))
        .isInstanceOf(UserCodeException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the expiration of window");
    assertThat(runner.currentCall()).contains("@ProcessElement").contains("key 'a'");
  }
}
