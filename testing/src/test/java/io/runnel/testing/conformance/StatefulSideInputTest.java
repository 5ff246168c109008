package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesSideInputs;
import io.runnel.testing.UsesStatefulParDo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: a stateful DoFn reads side inputs like any other DoFn. */
@UsesStatefulParDo
@UsesSideInputs
class StatefulSideInputTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Running sum per key, offset by a side input. */
  static final class OffsetSumFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    private final PCollectionView<Integer> offset;

    @StateId("sum")
    private final StateSpec<ValueState<Integer>> sum = StateSpecs.value(VarIntCoder.of());

    OffsetSumFn(PCollectionView<Integer> offset) {
      this.offset = offset;
    }

    @ProcessElement
    public void process(ProcessContext c, @StateId("sum") ValueState<Integer> sum) {
      int next = (sum.read() == null ? 0 : sum.read()) + c.element().getValue();
      sum.write(next);
      c.output(KV.of(c.element().getKey(), next + c.sideInput(offset)));
    }
  }

  @Test
  void aStatefulDoFnReadsItsSideInput() {
    PCollectionView<Integer> offset = p.apply("Offset", Create.of(100)).apply(View.asSingleton());
    PCollection<KV<String, Integer>> out = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(ParDo.of(new OffsetSumFn(offset)).withSideInputs(offset));

    PAssert.that(out).satisfies(values -> {
      java.util.List<KV<String, Integer>> all = new java.util.ArrayList<>();
      values.forEach(all::add);
      // "a" sums to 1 then 4, or 3 then 4, depending on arrival order; the last is always 104.
      if (all.size() != 3 || !all.contains(KV.of("b", 102)) || !all.contains(KV.of("a", 104))) {
        throw new AssertionError("unexpected " + all);
      }
      return null;
    });
    p.run();
  }
}
