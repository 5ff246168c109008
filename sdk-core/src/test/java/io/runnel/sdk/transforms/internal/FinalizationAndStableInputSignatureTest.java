package io.runnel.sdk.transforms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.internal.DoFnParameter.Kind;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DoFn.BundleFinalizer parameters and @RequiresStableInput, as the signature records them. */
class FinalizationAndStableInputSignatureTest {
  static final class AcknowledgingFn extends DoFn<Long, String> {
    private static final long serialVersionUID = 1L;

    @RequiresStableInput
    @ProcessElement
    public void process(@Element Long element, BundleFinalizer finalizer,
        OutputReceiver<String> out) {
      finalizer.afterBundleCommit(Instant.MAX, () -> {});
      out.output(String.valueOf(element));
    }
  }

  static final class FinalizesInBundleMethods extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @StartBundle
    public void start(StartBundleContext c, BundleFinalizer finalizer) {}

    @ProcessElement
    public void process(@Element String element) {}

    @FinishBundle
    public void finish(BundleFinalizer finalizer, FinishBundleContext c) {}
  }

  static final class Plain extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element) {}
  }

  static final class FinalizerInOnTimer extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element) {}

    @OnTimer("flush")
    public void onFlush(OnTimerContext c, BundleFinalizer finalizer) {}
  }

  static final class FinalizerInSetup extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @Setup
    public void setup(BundleFinalizer finalizer) {}

    @ProcessElement
    public void process(@Element String element) {}
  }

  static final class StableOnTimer extends DoFn<KV<String, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @TimerId("flush")
    private final TimerSpec flush = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, Long> element) {}

    @RequiresStableInput
    @OnTimer("flush")
    public void onFlush(OnTimerContext c) {}
  }

  static final class StableStartBundle extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @RequiresStableInput
    @StartBundle
    public void start() {}

    @ProcessElement
    public void process(@Element String element) {}
  }

  @Test
  void bundleFinalizerIsAProcessElementParameter() {
    DoFnSignature signature = DoFnSignature.of(AcknowledgingFn.class);

    assertThat(signature.processElement().parameters()).extracting(DoFnParameter::kind)
        .containsExactly(Kind.ELEMENT, Kind.BUNDLE_FINALIZER, Kind.OUTPUT_RECEIVER);
    assertThat(signature.requestsFinalization()).isTrue();
  }

  @Test
  void bundleFinalizerIsAStartAndFinishBundleParameter() {
    DoFnSignature signature = DoFnSignature.of(FinalizesInBundleMethods.class);

    assertThat(signature.startBundle().uses(Kind.BUNDLE_FINALIZER)).isTrue();
    assertThat(signature.finishBundle().uses(Kind.BUNDLE_FINALIZER)).isTrue();
    assertThat(signature.processElement().uses(Kind.BUNDLE_FINALIZER)).isFalse();
    assertThat(signature.requestsFinalization()).isTrue();
  }

  @Test
  void plainDoFnRequestsNeitherFinalizationNorStableInput() {
    DoFnSignature signature = DoFnSignature.of(Plain.class);

    assertThat(signature.requestsFinalization()).isFalse();
    assertThat(signature.requiresStableInput()).isFalse();
  }

  @Test
  void bundleFinalizerIsRejectedInOnTimerNamingTheMethodAndWhereItIsAllowed() {
    assertThatThrownBy(() -> DoFnSignature.of(FinalizerInOnTimer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FinalizerInOnTimer.class.getName())
        .hasMessageContaining("parameter 2")
        .hasMessageContaining("@OnTimer method onFlush")
        .hasMessageContaining("@ProcessElement, @StartBundle and @FinishBundle");
  }

  @Test
  void bundleFinalizerIsRejectedInSetup() {
    assertThatThrownBy(() -> DoFnSignature.of(FinalizerInSetup.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@Setup method setup")
        .hasMessageContaining("BundleFinalizer");
  }

  @Test
  void requiresStableInputOnProcessElementIsRecorded() {
    assertThat(DoFnSignature.of(AcknowledgingFn.class).requiresStableInput()).isTrue();
  }

  @Test
  void requiresStableInputOnOnTimerIsRecordedOnThatMethodOnly() {
    DoFnSignature signature = DoFnSignature.of(StableOnTimer.class);

    assertThat(signature.onTimerMethods().get("flush").requiresStableInput()).isTrue();
    assertThat(signature.requiresStableInput()).isFalse();
  }

  @Test
  void requiresStableInputOnStartBundleIsRejectedAsMeaningless() {
    assertThatThrownBy(() -> DoFnSignature.of(StableStartBundle.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StableStartBundle.class.getName())
        .hasMessageContaining("@StartBundle method start")
        .hasMessageContaining("@RequiresStableInput");
  }

  @Test
  void aParDoOfAFinalizingDoFnIsAppliedAsAnyOther() {
    Pipeline p = Pipeline.create();

    PCollection<String> out = p.apply(GenerateSequence.from(0).to(3))
        .apply(ParDo.of(new AcknowledgingFn()));

    assertThat(out.getCoder()).isEqualTo(StringUtf8Coder.of());
  }
}
