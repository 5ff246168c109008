package io.runnel.runners.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.State;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invoker calls timer and expiration callbacks with parameters pulled from the provider. */
class DoFnInvokerOnTimerTest {
  static final Instant FIRED = Instant.ofEpochMilli(60_000);

  static final class FlushFn extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;
    final transient List<Object> seen = new ArrayList<>();

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerFamily("alerts")
    private final TimerSpec alerts = TimerSpecs.timerMap(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element) {}

    @OnTimer("flush")
    public void onFlush(@Key String key, @StateId("count") ValueState<Long> count,
        TimeDomain domain, @Timestamp Instant timestamp, @TimerId("flush") Timer flush) {
      seen.addAll(List.of(key, count.read(), domain, timestamp, flush));
    }

    @OnTimerFamily("alerts")
    public void onAlert(@TimerId String timerId, @TimerFamily("alerts") TimerMap alerts) {
      seen.addAll(List.of(timerId, alerts));
    }

    @OnWindowExpiration
    public void expire(@Key String key, BoundedWindow window) {
      seen.addAll(List.of(key, window));
    }
  }

  /** Serves a firing of timer "flush" for key "k" with count 7. */
  static class FiringProvider extends BaseProvider {
    final ValueState<Long> count = new FixedValue(7L);
    final Timer timer = new NoopTimer();
    final TimerMap family = new TimerMap() {
      @Override
      public void set(String timerId, Instant absoluteTime) {}

      @Override
      public Timer get(String timerId) {
        return timer;
      }
    };

    @Override
    public State state(String id) {
      return id.equals("count") ? count : null;
    }

    @Override
    public Timer timer(String id) {
      return timer;
    }

    @Override
    public TimerMap timerFamily(String id) {
      return family;
    }

    @Override
    public String timerId() {
      return "late-login";
    }

    @Override
    public Object key() {
      return "k";
    }

    @Override
    public TimeDomain timeDomain() {
      return TimeDomain.EVENT_TIME;
    }
  }

  /** Implements what every provider must; state, timers and the key are not available. */
  static class BaseProvider implements ArgumentProvider<KV<String, Long>, String> {
    @Override
    public Instant timestamp() {
      return FIRED;
    }

    @Override
    public BoundedWindow window() {
      return GlobalWindow.INSTANCE;
    }

    @Override
    public KV<String, Long> element() {
      throw new UnsupportedOperationException();
    }

    @Override
    public PaneInfo paneInfo() {
      throw new UnsupportedOperationException();
    }

    @Override
    public DoFn.OutputReceiver<String> outputReceiver() {
      throw new UnsupportedOperationException();
    }

    @Override
    public DoFn.MultiOutputReceiver multiOutputReceiver() {
      throw new UnsupportedOperationException();
    }

    @Override
    public DoFn<KV<String, Long>, String>.ProcessContext processContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public DoFn<KV<String, Long>, String>.StartBundleContext startBundleContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public DoFn<KV<String, Long>, String>.FinishBundleContext finishBundleContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public PipelineOptions pipelineOptions() {
      throw new UnsupportedOperationException();
    }

    @Override
    public DoFn.BundleFinalizer bundleFinalizer() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object sideInput(String id) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void onTimerReceivesKeyStateTimeDomainTimestampAndTimer() {
    FlushFn fn = new FlushFn();
    FiringProvider provider = new FiringProvider();

    DoFnInvoker.of(FlushFn.class).invokeOnTimer("flush", fn, provider);

    assertThat(fn.seen).containsExactly("k", 7L, TimeDomain.EVENT_TIME, FIRED, provider.timer);
  }

  @Test
  void onTimerFamilyReceivesTheFiringTimerIdAndTheFamily() {
    FlushFn fn = new FlushFn();
    FiringProvider provider = new FiringProvider();

    DoFnInvoker.of(FlushFn.class).invokeOnTimerFamily("alerts", fn, provider);

    assertThat(fn.seen).containsExactly("late-login", provider.family);
  }

  @Test
  void onWindowExpirationReceivesKeyAndWindow() {
    FlushFn fn = new FlushFn();

    DoFnInvoker.of(FlushFn.class).invokeOnWindowExpiration(fn, new FiringProvider());

    assertThat(fn.seen).containsExactly("k", GlobalWindow.INSTANCE);
  }

  @Test
  void unknownTimerIdIsRejectedNamingTheDoFn() {
    assertThatThrownBy(() -> DoFnInvoker.of(FlushFn.class)
        .invokeOnTimer("nope", new FlushFn(), new FiringProvider()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FlushFn.class.getName())
        .hasMessageContaining("no @OnTimer(\"nope\") method");
  }

  @Test
  void providerWithoutKeySaysItIsNotAvailable() {
    assertThatThrownBy(() -> DoFnInvoker.of(FlushFn.class)
        .invokeOnTimer("flush", new FlushFn(), new BaseProvider()))
        .hasRootCauseInstanceOf(UnsupportedOperationException.class)
        .rootCause().hasMessage("key() is not available here");
  }

  private static final class FixedValue implements ValueState<Long> {
    private final Long value;

    FixedValue(Long value) {
      this.value = value;
    }

    @Override
    public Long read() {
      return value;
    }

    @Override
    public void write(Long input) {}

    @Override
    public ValueState<Long> readLater() {
      return this;
    }

    @Override
    public void clear() {}
  }

  private static final class NoopTimer implements Timer {
    @Override
    public void set(Instant absoluteTime) {}

    @Override
    public void setRelative() {}

    @Override
    public void clear() {}

    @Override
    public Timer offset(Duration offset) {
      return this;
    }

    @Override
    public Timer align(Duration period) {
      return this;
    }

    @Override
    public Timer withOutputTimestamp(Instant outputTime) {
      return this;
    }

    @Override
    public Timer withNoOutputTimestamp() {
      return this;
    }

    @Override
    public Instant getCurrentRelativeTime() {
      return FIRED;
    }
  }
}
