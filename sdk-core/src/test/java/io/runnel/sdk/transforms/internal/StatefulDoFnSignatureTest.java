package io.runnel.sdk.transforms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.CombiningState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.ReadableState;
import io.runnel.sdk.state.SetState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.internal.DoFnParameter.Kind;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** State and timer declarations of a DoFn, and the parameters that use them, are checked once. */
class StatefulDoFnSignatureTest {
  static final class CountFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element,
        @AlwaysFetched @StateId("count") ValueState<Long> count, @TimerId("flush") Timer flush) {}

    @OnTimer("flush")
    public void onFlush(OnTimerContext c, @Key String key, @StateId("count") ValueState<Long> count,
        TimeDomain domain, @Timestamp Instant timestamp, BoundedWindow window,
        OutputReceiver<Long> out) {}
  }

  static final class AllKindsFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("bag")
    private final StateSpec<BagState<String>> bag = StateSpecs.bag();

    @StateId("sum")
    private final StateSpec<CombiningState<Long, long[], Long>> sum =
        StateSpecs.combining(Sum.ofLongs());

    @StateId("map")
    private final StateSpec<MapState<String, Long>> map = StateSpecs.map();

    @StateId("set")
    private final StateSpec<SetState<String>> set = StateSpecs.set();

    @StateId("sorted")
    private final StateSpec<OrderedListState<Long>> sorted =
        StateSpecs.orderedList(VarLongCoder.of());

    @ProcessElement
    public void process(@StateId("bag") BagState<String> bag,
        @StateId("sum") CombiningState<Long, long[], Long> sum,
        @StateId("map") MapState<String, Long> map, @StateId("set") SetState<String> set,
        @StateId("sorted") OrderedListState<Long> sorted) {}
  }

  static final class FamilyFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerFamily("alerts")
    private final TimerSpec alerts = TimerSpecs.timerMap(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process(@TimerFamily("alerts") TimerMap alerts) {}

    @OnTimerFamily("alerts")
    public void onAlert(@TimerId String timerId, @TimerFamily("alerts") TimerMap alerts) {}
  }

  static final class ExpiringFn extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Long> element) {}

    @OnWindowExpiration
    public void expire(@Key String key, OnWindowExpirationContext c) {}
  }

  static final class ReadsValueAsReadable extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ReadableState<Long> count) {}
  }

  static final class Stateless extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element) {}
  }

  @Test
  void stateDeclarationResolvesItsStateType() {
    DoFnSignature signature = DoFnSignature.of(CountFn.class);

    assertThat(signature.stateDeclarations()).containsOnlyKeys("count");
    assertThat(signature.stateDeclarations().get("count").stateType())
        .isEqualTo(new TypeDescriptor<ValueState<Long>>() {});
    assertThat(signature.stateDeclarations().get("count").field().getName()).isEqualTo("count");
  }

  @Test
  void everyStateKindIsDeclaredWithItsType() {
    DoFnSignature signature = DoFnSignature.of(AllKindsFn.class);

    assertThat(signature.stateDeclarations()).containsOnlyKeys("bag", "sum", "map", "set", "sorted");
    assertThat(signature.stateDeclarations().get("map").stateType())
        .isEqualTo(new TypeDescriptor<MapState<String, Long>>() {});
    assertThat(signature.processElement().parameters())
        .extracting(DoFnParameter::kind, DoFnParameter::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.STATE, "bag"),
            org.assertj.core.groups.Tuple.tuple(Kind.STATE, "sum"),
            org.assertj.core.groups.Tuple.tuple(Kind.STATE, "map"),
            org.assertj.core.groups.Tuple.tuple(Kind.STATE, "set"),
            org.assertj.core.groups.Tuple.tuple(Kind.STATE, "sorted"));
  }

  @Test
  void processElementReceivesStateAndTimers() {
    DoFnSignature signature = DoFnSignature.of(CountFn.class);

    assertThat(signature.processElement().parameters()).containsExactly(
        DoFnParameter.of(Kind.ELEMENT),
        new DoFnParameter(Kind.STATE, "count", true),
        DoFnParameter.of(Kind.TIMER, "flush"));
    assertThat(signature.timerDeclarations()).containsOnlyKeys("flush");
  }

  @Test
  void onTimerMethodReceivesInjectedParameters() {
    DoFnSignature signature = DoFnSignature.of(CountFn.class);

    assertThat(signature.onTimerMethods()).containsOnlyKeys("flush");
    assertThat(signature.onTimerMethods().get("flush").parameters())
        .extracting(DoFnParameter::kind)
        .containsExactly(Kind.ON_TIMER_CONTEXT, Kind.KEY, Kind.STATE, Kind.TIME_DOMAIN,
            Kind.TIMESTAMP, Kind.WINDOW, Kind.OUTPUT_RECEIVER);
  }

  @Test
  void timerFamilyHasItsCallbackWithTheFiringTimerId() {
    DoFnSignature signature = DoFnSignature.of(FamilyFn.class);

    assertThat(signature.timerFamilyDeclarations()).containsOnlyKeys("alerts");
    assertThat(signature.onTimerFamilyMethods().get("alerts").parameters())
        .containsExactly(DoFnParameter.of(Kind.TIMER_ID), DoFnParameter.of(Kind.TIMER_FAMILY, "alerts"));
    assertThat(signature.usesTimers()).isTrue();
    assertThat(signature.usesState()).isFalse();
  }

  @Test
  void onWindowExpirationTakesTheKeyAndMakesTheDoFnStateful() {
    DoFnSignature signature = DoFnSignature.of(ExpiringFn.class);

    assertThat(signature.onWindowExpiration().parameters()).extracting(DoFnParameter::kind)
        .containsExactly(Kind.KEY, Kind.ON_WINDOW_EXPIRATION_CONTEXT);
    assertThat(signature.isStateful()).isTrue();
  }

  @Test
  void stateMayBeAskedForAsASupertype() {
    assertThat(DoFnSignature.of(ReadsValueAsReadable.class).processElement().parameters())
        .containsExactly(DoFnParameter.of(Kind.STATE, "count"));
  }

  @Test
  void doFnWithoutStateOrTimersIsNotStateful() {
    DoFnSignature signature = DoFnSignature.of(Stateless.class);

    assertThat(signature.isStateful()).isFalse();
    assertThat(signature.stateDeclarations()).isEmpty();
    assertThat(signature.onTimerMethods()).isEmpty();
    assertThat(signature.onWindowExpiration()).isNull();
  }

  // ---- errors ----

  static final class NonFinalState extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private StateSpec<ValueState<Long>> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  static final class DuplicateStateId extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> first = StateSpecs.value();

    @StateId("count")
    private final StateSpec<ValueState<Long>> second = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  static final class OnTimerForUnknownTimer extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process() {}

    @OnTimer("missing")
    public void onMissing() {}
  }

  static final class TimerWithoutCallback extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}
  }

  static final class StateParameterOfOtherType extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value();

    @ProcessElement
    public void process(@StateId("count") ValueState<String> count) {}
  }

  static final class UndeclaredStateParameter extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@StateId("count") ValueState<Long> count) {}
  }

  static final class KeyInProcessElement extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Key String key) {}
  }

  static final class KeyOfWrongType extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process() {}

    @OnWindowExpiration
    public void expire(@Key Long key) {}
  }

  static final class StateSpecWithoutStateType extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<?> count = StateSpecs.value();

    @ProcessElement
    public void process() {}
  }

  static final class AlwaysFetchedMap extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @StateId("map")
    private final StateSpec<MapState<String, Long>> map = StateSpecs.map();

    @ProcessElement
    public void process(@AlwaysFetched @StateId("map") MapState<String, Long> map) {}
  }

  static final class TimerParameterInStartBundle extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process() {}

    @StartBundle
    public void start(@TimerId("flush") Timer flush) {}

    @OnTimer("flush")
    public void onFlush() {}
  }

  @Test
  void nonFinalStateFieldIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(NonFinalState.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NonFinalState.class.getName())
        .hasMessageContaining("field 'count'")
        .hasMessageContaining("make the field final");
  }

  @Test
  void duplicateStateIdIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(DuplicateStateId.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DuplicateStateId.class.getName())
        .hasMessageContaining("duplicate @StateId(\"count\")")
        .hasMessageContaining("'first'")
        .hasMessageContaining("'second'");
  }

  @Test
  void onTimerForUnknownTimerIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(OnTimerForUnknownTimer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(OnTimerForUnknownTimer.class.getName())
        .hasMessageContaining("onMissing is @OnTimer(\"missing\"), but no timer has that id");
  }

  @Test
  void timerWithoutOnTimerMethodIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(TimerWithoutCallback.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'flush'")
        .hasMessageContaining("add a method annotated @OnTimer(\"flush\")");
  }

  @Test
  void stateParameterOfOtherTypeThanItsSpecIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(StateParameterOfOtherType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StateParameterOfOtherType.class.getName())
        .hasMessageContaining("ValueState<java.lang.String>")
        .hasMessageContaining("declare the parameter as io.runnel.sdk.state.ValueState<java.lang.Long>");
  }

  @Test
  void stateParameterOfUndeclaredIdIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(UndeclaredStateParameter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("undeclared @StateId(\"count\")");
  }

  @Test
  void keyInProcessElementIsAnUnsupportedParameter() {
    assertThatThrownBy(() -> DoFnSignature.of(KeyInProcessElement.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(KeyInProcessElement.class.getName())
        .hasMessageContaining("of @ProcessElement method process is not supported there");
  }

  @Test
  void keyOfOtherTypeThanTheInputKeyIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(KeyOfWrongType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declare the parameter as @Key java.lang.String");
  }

  @Test
  void stateSpecFieldWithoutStateTypeIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(StateSpecWithoutStateType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'count'")
        .hasMessageContaining("e.g. StateSpec<ValueState<Long>>");
  }

  @Test
  void alwaysFetchedOnUnreadableStateIsRejected() {
    assertThatThrownBy(() -> DoFnSignature.of(AlwaysFetchedMap.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove @AlwaysFetched");
  }

  @Test
  void timerParameterInStartBundleIsUnsupported() {
    assertThatThrownBy(() -> DoFnSignature.of(TimerParameterInStartBundle.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of @StartBundle method start is not supported there");
  }
}
