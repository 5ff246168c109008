package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.TestPipeline;
import io.runnel.windowing.Sessions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: stateful DoFns that cannot run are rejected when the ParDo is applied, naming the
 * DoFn and the field: state on an unkeyed input, timers in merging windows.
 */
class StatefulValidationTest {
  @RegisterExtension final transient TestPipeline p =
      TestPipeline.create().enableAbandonedNodeEnforcement(false);

  static final class UnkeyedFn extends DoFn<String, String> {
    @StateId("last")
    private final StateSpec<ValueState<String>> lastSeen = StateSpecs.value(StringUtf8Coder.of());

    @ProcessElement
    public void process(@Element String e, @StateId("last") ValueState<String> last) {
      last.write(e);
    }
  }

  @Test
  void stateOnAnUnkeyedInputIsRejectedNamingTheDoFnAndField() {
    PCollection<String> words = p.apply(Create.of("a", "b"));

    assertThatThrownBy(() -> words.apply(ParDo.of(new UnkeyedFn())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(UnkeyedFn.class.getName())
        .hasMessageContaining("lastSeen")
        .hasMessageContaining("KV");
  }

  static final class SessionTimerFn extends DoFn<KV<String, Integer>, Integer> {
    @TimerId("flush")
    private final TimerSpec flushTimer = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Timestamp Instant timestamp, @TimerId("flush") Timer flush) {
      flush.set(timestamp);
    }

    @OnTimer("flush")
    public void onFlush() {}
  }

  @Test
  void timersInMergingWindowsAreRejectedNamingTheDoFnAndField() {
    PCollection<KV<String, Integer>> sessions = p
        .apply(Create.of(KV.of("a", 1)).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(Window.<KV<String, Integer>>into(Sessions.withGapDuration(Duration.ofMinutes(5))));

    assertThatThrownBy(() -> sessions.apply(ParDo.of(new SessionTimerFn())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SessionTimerFn.class.getName())
        .hasMessageContaining("flushTimer")
        .hasMessageContaining("Sessions");
  }
}
