package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How {@code Reshuffle.viaRandomKey()} spreads elements over bundles on the direct runner. */
class ReshuffleOnDirectRunnerTest {
  private static final Map<String, AtomicInteger> BUNDLES = new ConcurrentHashMap<>();

  static final class CountBundlesFn extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    CountBundlesFn(String runId) {
      this.runId = runId;
    }

    @StartBundle
    public void startBundle() {
      BUNDLES.get(runId).incrementAndGet();
    }

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out) {
      out.output(element);
    }
  }

  /**
   * A small {@code Create} is read one value per bundle; the keys of {@code viaRandomKey} still
   * differ between those bundles, so the reshuffled values do not all land in one group.
   */
  @Test
  void viaRandomKeySpreadsValuesReadInOneElementBundlesOverSeveralGroups() {
    String runId = UUID.randomUUID().toString();
    BUNDLES.put(runId, new AtomicInteger());
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--directBundleSize=1").create());
    List<Integer> input = IntStream.range(0, 8).boxed().toList();

    PCollection<Integer> output = p.apply(Create.of(input))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new CountBundlesFn(runId)));
    PAssert.that(output).containsInAnyOrder(input);
    p.run();

    assertThat(BUNDLES.remove(runId).get()).isGreaterThan(4);
  }
}
