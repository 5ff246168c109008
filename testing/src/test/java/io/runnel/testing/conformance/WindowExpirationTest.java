package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
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
import io.runnel.testing.UsesOnWindowExpiration;
import io.runnel.testing.UsesStatefulParDo;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: {@code @OnWindowExpiration} runs once the window is past its allowed lateness,
 * sees the state late elements added, and outputs at the window's max timestamp without being
 * late downstream: the output watermark waits for it.
 */
@UsesTestStream
@UsesStatefulParDo
@UsesOnWindowExpiration
class WindowExpirationTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final IntervalWindow FIRST =
      new IntervalWindow(Instant.EPOCH, Instant.ofEpochSecond(60));

  /** Sums per key and window, emitting the sum when the window expires. */
  static final class SumAtExpiryFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    @StateId("sum")
    private final StateSpec<ValueState<Integer>> sum = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("sum") ValueState<Integer> sum) {
      sum.write((sum.read() == null ? 0 : sum.read()) + e.getValue());
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("sum") ValueState<Integer> sum,
        OutputReceiver<KV<String, Integer>> out) {
      out.output(KV.of(key, sum.read()));
    }
  }

  @Test
  void expirationSeesLateStateAndItsOutputIsOnTimeDownstream() {
    PCollection<KV<String, Integer>> sums = p
        .apply(TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .addElements(TimestampedValue.of(KV.of("a", 1), Instant.ofEpochSecond(10)))
            .advanceWatermarkTo(Instant.ofEpochSecond(70))
            .addElements(TimestampedValue.of(KV.of("a", 2), Instant.ofEpochSecond(20)))
            .advanceWatermarkToInfinity())
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1)))
            .withAllowedLateness(Duration.ofSeconds(30)))
        .apply(ParDo.of(new SumAtExpiryFn()));

    PAssert.that(sums).inWindow(FIRST).containsInAnyOrder(KV.of("a", 3));
    PAssert.that(sums.apply(Count.perKey())).inOnTimePane(FIRST)
        .containsInAnyOrder(KV.of("a", 1L));
    p.run();
  }
}
