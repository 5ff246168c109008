package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Mean;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Mean. */
class MeanTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void globallyAveragesAllElements() {
    PCollection<Double> mean = p.apply(Create.of(1, 2, 3, 4)).apply(Mean.globally());
    PAssert.thatSingleton(mean).isEqualTo(2.5);
    p.run();
  }

  @Test
  void perKeyAveragesEachKey() {
    PCollection<KV<String, Double>> means = p
        .apply(Create.of(KV.of("a", 1L), KV.of("a", 2L), KV.of("b", 7L)))
        .apply(Mean.perKey());
    PAssert.that(means).containsInAnyOrder(KV.of("a", 1.5), KV.of("b", 7.0));
    p.run();
  }

  @Test
  void ofIsACombineFnOverAnyNumberType() {
    PCollection<Double> mean = p.apply(Create.of(0.5, 1.5)).apply(Combine.globally(Mean.<Double>of()));
    PAssert.thatSingleton(mean).isEqualTo(1.0);
    p.run();
  }

  @Test
  void globallyOfEmptyInputIsNaN() {
    PCollection<Double> mean = p.apply(Create.empty(VarIntCoder.of())).apply(Mean.globally());
    PAssert.thatSingleton(mean).satisfies(m -> {
      assertThat(m).isNaN();
      return null;
    });
    p.run();
  }
}
