package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The direct runner runs a stateful ParDo as a stage root: several outputs, each feeding fused
 * steps; the DoFn's life cycle; failures naming the transform, the element or the timer.
 */
class StatefulParDoOnDirectRunnerTest {
  private static final Map<String, AtomicInteger> SETUPS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> TEARDOWNS = new ConcurrentHashMap<>();
  private static final TupleTag<Long> COUNTS = new TupleTag<>("counts") {};
  private static final TupleTag<String> FIRSTS = new TupleTag<>("firsts") {};

  private final String testId = UUID.randomUUID().toString();

  private static PCollection<KV<String, Long>> input(Pipeline p) {
    return p.apply(Create.of(KV.of("a", 1L), KV.of("b", 2L), KV.of("a", 3L), KV.of("boom", 0L))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
  }

  /** Counts per key to one output, names first-seen keys on another; fails on "boom" if asked. */
  static final class CountAndFirstFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;
    private final String testId;
    private final boolean failOnBoom;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value(VarLongCoder.of());

    CountAndFirstFn(String testId, boolean failOnBoom) {
      this.testId = testId;
      this.failOnBoom = failOnBoom;
    }

    @Setup
    public void setup() {
      SETUPS.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
    }

    @ProcessElement
    public void process(@Element KV<String, Long> e, @StateId("count") ValueState<Long> count,
        MultiOutputReceiver out) {
      if (failOnBoom && e.getKey().equals("boom")) {
        throw new IllegalStateException("boom!");
      }
      long next = count.read() == null ? 1 : count.read() + 1;
      count.write(next);
      out.get(COUNTS).output(next);
      if (next == 1) {
        out.get(FIRSTS).output(e.getKey());
      }
    }

    @Teardown
    public void teardown() {
      TEARDOWNS.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Test
  void eachOutputOfAStatefulParDoFeedsItsOwnFusedSteps() {
    Pipeline p = Pipeline.create();
    PCollectionTuple outs = input(p).apply("Count", ParDo.of(new CountAndFirstFn(testId, false))
        .withOutputTags(COUNTS, TupleTagList.of(FIRSTS)));
    PCollection<Long> doubled = outs.get(COUNTS)
        .apply("Times10", MapElements.into(TypeDescriptors.longs()).via(n -> n * 10));
    PCollection<String> upper = outs.get(FIRSTS)
        .apply("Upper", MapElements.into(TypeDescriptors.strings()).via(String::toUpperCase));

    PAssert.that(doubled).containsInAnyOrder(10L, 10L, 20L, 10L);
    PAssert.that(upper).containsInAnyOrder("A", "B", "BOOM");
    p.run().waitUntilFinish();

    // One instance per key-group shard that got elements, each torn down.
    assertThat(SETUPS.get(testId).get()).isPositive();
    assertThat(TEARDOWNS.get(testId).get()).isEqualTo(SETUPS.get(testId).get());
  }

  @Test
  void aFailureNamesTheTransformAndElementAndTearsDown() {
    Pipeline p = Pipeline.create();
    input(p).apply("Count", ParDo.of(new CountAndFirstFn(testId, true))
        .withOutputTags(COUNTS, TupleTagList.of(FIRSTS)));

    Pipeline.PipelineExecutionException failure =
        catchThrowableOfType(p::run, Pipeline.PipelineExecutionException.class);

    assertThat(failure).hasMessageContaining("Count").hasMessageContaining("KV{boom, 0}")
        .hasRootCauseMessage("boom!");
    assertThat(TEARDOWNS.get(testId).get()).isPositive().isEqualTo(SETUPS.get(testId).get());
  }

  /** Sets a timer far in the future, whose callback fails. */
  static final class FailingTimerFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerId("tick")
    private final TimerSpec tick = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@TimerId("tick") Timer tick) {
      tick.set(Instant.ofEpochSecond(100));
    }

    @OnTimer("tick")
    public void onTick(@Key String key) {
      throw new IllegalArgumentException("tick failed for " + key);
    }
  }

  @Test
  void aFailingTimerCallbackNamesTheTransformTimerAndKey() {
    Pipeline p = Pipeline.create();
    p.apply(Create.of(KV.of("only", 1L))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("Ticker", ParDo.of(new FailingTimerFn()));

    Pipeline.PipelineExecutionException failure =
        catchThrowableOfType(p::run, Pipeline.PipelineExecutionException.class);

    assertThat(failure).hasMessageContaining("Ticker").hasMessageContaining("@OnTimer(\"tick\")")
        .hasMessageContaining("key 'only'").hasRootCauseMessage("tick failed for only");
  }

  /** Keeps the state object of an element and (wrongly) reads it in @FinishBundle. */
  static final class StateInFinishBundleFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> kept;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(@StateId("count") ValueState<Long> count) {
      count.write(1L);
      kept = count;
    }

    @FinishBundle
    public void finishBundle() {
      kept.read();
    }
  }

  @Test
  void stateUsedOutsideAKeyAndWindowIsAClearError() {
    Pipeline p = Pipeline.create();
    p.apply(Create.of(KV.of("a", 1L))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("Keeper", ParDo.of(new StateInFinishBundleFn()));

    Pipeline.PipelineExecutionException failure =
        catchThrowableOfType(p::run, Pipeline.PipelineExecutionException.class);

    assertThat(failure).hasMessageContaining("Keeper").hasMessageContaining("@FinishBundle");
    assertThat(failure).rootCause().hasMessageContaining(StateInFinishBundleFn.class.getName())
        .hasMessageContaining("only available for a key and window");
  }
}
