package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.CombiningState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.internal.StateCoderInference;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Applying a stateful DoFn checks its input and infers its state coders. */
class StatefulParDoTest {
  static final class CountFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ValueState<Long> count) {}
  }

  static final class CountAnyFn extends DoFn<String, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ValueState<Long> count) {}
  }

  static final class MapAndSumFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("lastSeen")
    private final StateSpec<MapState<String, Long>> lastSeen = StateSpecs.map();

    @StateId("sum")
    private final StateSpec<CombiningState<Long, long[], Long>> sum =
        StateSpecs.combining(Sum.ofLongs());

    @ProcessElement
    public void process() {}
  }

  /** Thread has no coder: not Serializable, no registered coder. */
  static final class UninferableFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("worker")
    private final StateSpec<ValueState<Thread>> worker = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  static final class TimerFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("flush")
    public void onFlush() {}
  }

  private static <T> PCollection<T> input(Pipeline p, Coder<T> coder) {
    return PCollection.createPrimitiveOutputInternal(p, WindowingStrategy.globalDefault(),
        PCollection.IsBounded.BOUNDED, coder);
  }

  private static PCollection<KV<String, Long>> keyed(Pipeline p) {
    return input(p, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  @Test
  void valueStateCoderIsInferredFromTheFieldType() {
    CountFn fn = new CountFn();

    keyed(Pipeline.create()).apply(ParDo.of(fn));

    assertThat(StateCoderInference.resolvedCoders(fn))
        .containsEntry("count", java.util.List.of(VarLongCoder.of()));
  }

  @Test
  void mapCodersComeFromTheFieldTypeAndAccumulatorCoderFromTheCombineFn() {
    MapAndSumFn fn = new MapAndSumFn();

    keyed(Pipeline.create()).apply(ParDo.of(fn));

    assertThat(StateCoderInference.resolvedCoders(fn).get("lastSeen"))
        .containsExactly(StringUtf8Coder.of(), VarLongCoder.of());
    assertThat(StateCoderInference.resolvedCoders(fn).get("sum"))
        .containsExactly(Sum.ofLongs().getAccumulatorCoder(null, VarLongCoder.of()));
  }

  /** Keeps the last element whole: its state's type is the input's element type. */
  static final class LastElementFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("last")
    private final StateSpec<ValueState<KV<String, Long>>> last = StateSpecs.value();

    @ProcessElement
    public void process(@Element KV<String, Long> element,
        @StateId("last") ValueState<KV<String, Long>> last) {
      last.write(element);
    }
  }

  @Test
  void stateOfTheInputsElementTypeTakesTheInputsCoder() {
    LastElementFn fn = new LastElementFn();
    Coder<KV<String, Long>> inputCoder =
        KvCoder.of(StringUtf8Coder.of(), io.runnel.sdk.coders.BigEndianLongCoder.of());

    input(Pipeline.create(), inputCoder).apply(ParDo.of(fn));

    // The registry alone would give KvCoder(StringUtf8Coder, VarLongCoder).
    assertThat(StateCoderInference.resolvedCoders(fn).get("last")).containsExactly(inputCoder);
  }

  @Test
  void coderRegisteredInThePipelineIsUsedForState() {
    Pipeline p = Pipeline.create();
    Coder<Long> registered = io.runnel.sdk.coders.BigEndianLongCoder.of();
    p.getCoderRegistry().registerCoderForClass(Long.class, registered);
    CountFn fn = new CountFn();

    keyed(p).apply(ParDo.of(fn));

    assertThat(StateCoderInference.resolvedCoders(fn).get("count")).containsExactly(registered);
  }

  @Test
  void uninferableStateCoderNamesTheDoFnFieldAndFix() {
    PCollection<KV<String, Long>> input = keyed(Pipeline.create());

    assertThatThrownBy(() -> input.apply(ParDo.of(new UninferableFn())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unable to infer a coder for ValueState of DoFn "
            + UninferableFn.class.getName() + " field 'worker'")
        .hasMessageContaining("use StateSpecs.value(coder)");
  }

  @Test
  void unfinishedSpecHasNoResolvedCoders() {
    assertThatThrownBy(() -> StateCoderInference.resolvedCoders(new CountFn()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@StateId(\"count\")");
  }

  @Test
  void statefulDoFnOnNonKvInputIsRejected() {
    PCollection<String> input = input(Pipeline.create(), StringUtf8Coder.of());

    assertThatThrownBy(() -> input.apply(ParDo.of(new CountAnyFn())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Stateful DoFn " + CountAnyFn.class.getName()
            + " (state 'count' in field 'count') needs a keyed input PCollection<KV<K, V>>");
  }

  @Test
  void nonDeterministicKeyCoderIsRejected() {
    PCollection<KV<Double, Long>> input =
        input(Pipeline.create(), KvCoder.of(DoubleCoder.of(), VarLongCoder.of()));

    assertThatThrownBy(() -> input.apply(ParDo.of(new DoubleKeyedFn())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DoubleKeyedFn.class.getName())
        .hasMessageContaining("set a deterministic key coder");
  }

  static final class DoubleKeyedFn extends DoFn<KV<Double, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  @Test
  void timersInMergingWindowsAreRejected() {
    PCollection<KV<String, Long>> input = keyed(Pipeline.create());
    input.setWindowingStrategyInternal(
        WindowingStrategy.of(Sessions.withGapDuration(Duration.ofMinutes(5))));

    assertThatThrownBy(() -> input.apply(ParDo.of(new TimerFn())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TimerFn.class.getName())
        .hasMessageContaining("timer 'flush' in field 'flush'")
        .hasMessageContaining("timers are not supported in merging windows");
  }

  @Test
  void timersInFixedWindowsAreAccepted() {
    PCollection<KV<String, Long>> input = keyed(Pipeline.create());
    input.setWindowingStrategyInternal(WindowingStrategy.of(FixedWindows.of(Duration.ofMinutes(1))));

    assertThat(input.apply(ParDo.of(new TimerFn()))).isNotNull();
  }

  @Test
  void eventTimeTimersOnUnboundedGlobalWindowAreAccepted() {
    PCollection<KV<String, Long>> input = keyed(Pipeline.create());
    input.setIsBoundedInternal(PCollection.IsBounded.UNBOUNDED);

    assertThat(input.apply(ParDo.of(new TimerFn()))).isNotNull();
  }
}
