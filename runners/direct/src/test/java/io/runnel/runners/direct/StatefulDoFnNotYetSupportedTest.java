package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import org.junit.jupiter.api.Test;

/** Until the state runtime exists, a stateful DoFn is refused up front, by name, not half-run. */
class StatefulDoFnNotYetSupportedTest {
  private static final class CountPerKey extends DoFn<KV<String, Long>, Long> {
    @StateId("count")
    private final StateSpec<ValueState<Long>> count = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(@StateId("count") ValueState<Long> state, OutputReceiver<Long> out) {
      Long seen = state.read();
      state.write(seen == null ? 1 : seen + 1);
      out.output(state.read());
    }
  }

  @Test
  void statefulDoFnIsRefusedWithTheTransformNameBeforeAnythingRuns() {
    Pipeline p = Pipeline.create();
    p.apply(Create.of(KV.of("a", 1L)).withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("Count", ParDo.of(new CountPerKey()));

    assertThatThrownBy(p::run)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Count")
        .hasMessageContaining("state or timers");
  }
}
