package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Reshuffle. */
class ReshuffleTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void ofKeepsEveryKeyedElement() {
    PCollection<KV<String, Integer>> out = p.apply(Create.of(KV.of("a", 1), KV.of("a", 1), KV.of("b", 2)))
        .apply(Reshuffle.of());
    PAssert.that(out).containsInAnyOrder(KV.of("a", 1), KV.of("a", 1), KV.of("b", 2));
    p.run();
  }

  @Test
  void viaRandomKeyKeepsEveryElement() {
    List<Integer> input = IntStream.range(0, 1_000).boxed().toList();
    PCollection<Integer> out = p.apply(Create.of(input)).apply(Reshuffle.viaRandomKey());
    PAssert.that(out).containsInAnyOrder(input);
    p.run();
  }

  @Test
  void ofKeepsTimestamps() {
    PCollection<String> out = p
        .apply(Create.timestamped(
            TimestampedValue.of(KV.of("a", 1), Instant.ofEpochMilli(100)),
            TimestampedValue.of(KV.of("b", 2), Instant.ofEpochMilli(200))))
        .apply(Reshuffle.of())
        .apply(ParDo.of(new ShowKeyTimestampFn()));
    PAssert.that(out).containsInAnyOrder("a@100", "b@200");
    p.run();
  }

  private static final class ShowKeyTimestampFn extends DoFn<KV<String, Integer>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @Timestamp Instant t, OutputReceiver<String> out) {
      out.output(e.getKey() + "@" + t.toEpochMilli());
    }
  }
}
