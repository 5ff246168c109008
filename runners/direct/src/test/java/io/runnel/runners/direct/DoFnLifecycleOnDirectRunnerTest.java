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
import io.runnel.testing.TestPipeline;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The runner contract that {@code @Teardown} runs on every DoFn instance that was set up, after a
 * successful run (DirectRunnerFailureTest covers failed runs). Only an in-process runner can
 * observe it, with JVM-wide counters, so it is not in the conformance suite.
 */
class DoFnLifecycleOnDirectRunnerTest {
  /** Calls of @Setup and @Teardown, by the id of the test that made the DoFn. */
  private static final Map<String, AtomicInteger> SETUPS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> TEARDOWNS = new ConcurrentHashMap<>();

  private final String testId = UUID.randomUUID().toString();

  /** Passes elements on and counts its life cycle under the test's id. */
  static final class CountingLifecycleFn extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final String testId;

    CountingLifecycleFn(String testId) {
      this.testId = testId;
    }

    @Setup
    public void setup() {
      SETUPS.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
    }

    @ProcessElement
    public void process(@Element Integer e, OutputReceiver<Integer> out) {
      out.output(e);
    }

    @Teardown
    public void teardown() {
      TEARDOWNS.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Test
  void teardownRunsForEveryInstanceThatWasSetUpAfterASuccessfulRun() {
    List<Integer> input = IntStream.range(0, 500).boxed().toList();
    Pipeline p = Pipeline.create(PipelineOptionsFactory
        .fromArgs("--directParallelism=2", "--directBundleSize=10").create());
    PCollection<Integer> out = p.apply(Create.of(input)).apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new CountingLifecycleFn(testId)));
    PAssert.that(out).containsInAnyOrder(input);

    TestPipeline.verifyPAssertsSucceeded(p, p.run());

    assertThat(SETUPS.get(testId).get()).isPositive();
    assertThat(TEARDOWNS.get(testId).get()).isEqualTo(SETUPS.get(testId).get());
  }
}
