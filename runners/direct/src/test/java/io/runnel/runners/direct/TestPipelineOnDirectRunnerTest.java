package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link TestPipeline} and {@link PAssert} running on the direct runner. */
class TestPipelineOnDirectRunnerTest {
  /** Elements seen, by the id of the test that made the DoFn. */
  private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

  private final String testId = UUID.randomUUID().toString();

  static final class CountElements extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String testId;

    CountElements(String testId) {
      this.testId = testId;
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      SEEN.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
      out.output(element);
    }
  }

  /** A context of a test that passed: no execution exception, nothing else available. */
  private static ExtensionContext passedTestContext() {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("getExecutionException")) {
            return Optional.empty();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void autoRunRunsThePipelineAndItsAssertionsAfterTheTest() {
    TestPipeline p = TestPipeline.create().enableAutoRunIfMissing(true);
    p.beforeEach(passedTestContext());
    PCollection<String> seen = p.apply(Create.of("a", "b")).apply(ParDo.of(new CountElements(testId)));
    PAssert.that(seen).containsInAnyOrder("a", "b");

    p.afterEach(passedTestContext());

    assertThat(SEEN.get(testId)).hasValue(2);
  }

  @Test
  void aFailedAutoRunAssertionFailsTheTest() {
    TestPipeline p = TestPipeline.create().enableAutoRunIfMissing(true);
    p.beforeEach(passedTestContext());
    PAssert.that(p.apply(Create.of("a"))).containsInAnyOrder("b");

    AssertionError e = catchThrowableOfType(AssertionError.class, () -> p.afterEach(passedTestContext()));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("missing");
  }

  @Test
  void aFailingAssertionSurfacesAsAnAssertionErrorListingTheDifferences() {
    TestPipeline p = TestPipeline.create();
    PAssert.that(p.apply("Letters", Create.of("a", "b", "b"))).containsInAnyOrder("a", "b", "c");

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .contains("PAssert.that(Letters")
        .contains("expected (3): [a, b, c]")
        .contains("actual   (3): [a, b, b]")
        .contains("missing    (expected, not found) (1): [c]")
        .contains("unexpected (found, not expected) (1): [b]");
  }

  @Test
  void anEmptyCollectionSatisfiesContainsInAnyOrderOfNothing() {
    TestPipeline p = TestPipeline.create();
    PAssert.that(p.apply(Create.empty(StringUtf8Coder.of()))).containsInAnyOrder();

    assertThatCode(p::run).doesNotThrowAnyException();
    assertThatCode(() -> p.afterEach(passedTestContext())).doesNotThrowAnyException();
  }

  @Test
  void anEmptyCollectionFailsAnAssertionThatExpectsElements() {
    TestPipeline p = TestPipeline.create();
    PAssert.that(p.apply(Create.empty(StringUtf8Coder.of()))).containsInAnyOrder("a");

    AssertionError e = catchThrowableOfType(AssertionError.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("missing    (expected, not found) (1): [a]");
  }

  @Test
  void eachAssertionReportsOneCommittedSuccessUnderItsOwnCheckStep() {
    Pipeline p = Pipeline.create();
    PAssert.that(p.apply("Letters", Create.of("a", "b"))).containsInAnyOrder("b", "a");
    PAssert.that(p.apply("None", Create.empty(StringUtf8Coder.of()))).empty();

    PipelineResult result = p.run();

    List<MetricResult<Long>> successes = counters(result, PAssert.SUCCESS_COUNTER);
    // Reported by the check step inside each assertion, whatever the runner names its primitive.
    assertThat(successes).extracting(c -> c.getKey().stepName().split("/Check")[0])
        .containsExactlyInAnyOrder("PAssert$0", "PAssert$1");
    assertThat(successes).allSatisfy(c -> {
      assertThat(c.getCommitted()).isEqualTo(1L);
      assertThat(c.getAttempted()).isEqualTo(1L);
    });
    assertThat(counters(result, PAssert.FAILURE_COUNTER)).isEmpty();
    assertThatCode(() -> TestPipeline.verifyPAssertsSucceeded(p, result)).doesNotThrowAnyException();
  }

  private static List<MetricResult<Long>> counters(PipelineResult result, String name) {
    List<MetricResult<Long>> found = new ArrayList<>();
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(PAssert.class, name)).build())
        .getCounters().forEach(found::add);
    return found;
  }

  @Test
  void thePropertyChoosesTheOptionsOfTheRun() {
    System.setProperty(TestPipeline.PROPERTY, "--directSeed=99");
    TestPipeline p;
    try {
      p = TestPipeline.create();
    } finally {
      System.clearProperty(TestPipeline.PROPERTY);
    }

    assertThat(p.getOptions().as(DirectOptions.class).getDirectSeed()).isEqualTo(99L);
  }
}
