package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * User code failing in a DoFn: the run throws {@link Pipeline.PipelineExecutionException} naming
 * the transform and the element, with the user's exception as the cause, and tears down every
 * DoFn that was set up.
 */
class DirectRunnerFailureTest {
  /** Calls of @Setup and @Teardown, by the id of the test that made the DoFn. */
  private static final Map<String, AtomicInteger> SETUPS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> TEARDOWNS = new ConcurrentHashMap<>();
  /** The exception each test's DoFn threw, by test id, to compare instances. */
  private static final Map<String, RuntimeException> THROWN = new ConcurrentHashMap<>();

  private final String testId = UUID.randomUUID().toString();

  /** Throws on the element "boom" and counts its life cycle. */
  static final class FailOnBoom extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String testId;

    FailOnBoom(String testId) {
      this.testId = testId;
    }

    @Setup
    public void setup() {
      SETUPS.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      if (element.startsWith("boom")) {
        RuntimeException e = new IllegalStateException("cannot handle " + element.length() + " chars");
        THROWN.put(testId, e);
        throw e;
      }
      out.output(element);
    }

    @Teardown
    public void teardown() {
      TEARDOWNS.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** Throws from the life-cycle method named by {@code where}. */
  static final class FailIn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String where;

    FailIn(String where) {
      this.where = where;
    }

    @Setup
    public void setup() {
      failIf("setup");
    }

    @StartBundle
    public void startBundle() {
      failIf("startBundle");
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element);
    }

    @FinishBundle
    public void finishBundle() {
      failIf("finishBundle");
    }

    @Teardown
    public void teardown() {
      failIf("teardown");
    }

    private void failIf(String method) {
      if (where.equals(method)) {
        throw new IllegalStateException("failure in " + method);
      }
    }
  }

  /** A composite that applies {@link FailOnBoom} as its part "Explode". */
  static final class ExplodeInside extends PTransform<PCollection<String>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final String testId;

    ExplodeInside(String testId) {
      this.testId = testId;
    }

    @Override
    public PCollection<String> expand(PCollection<String> input) {
      return input.apply("Explode", ParDo.of(new FailOnBoom(testId)));
    }
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  private static List<String> elementsWithBoom(int count, int boomAt) {
    List<String> elements = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> elements.add(i == boomAt ? "boom" : "e" + i));
    return elements;
  }

  @Test
  void failureNamesTheFullTransformNameAndTheElementAndKeepsTheCause() {
    Pipeline p = pipeline("--directParallelism=1");
    p.apply(Create.of("ok", "boom", "fine")).apply("Outer", new ExplodeInside(testId));

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("Outer/Explode").contains("'boom'");
    assertThat(e.getCause()).isSameAs(THROWN.get(testId));
  }

  @Test
  void longElementsAreAbbreviatedInTheMessage() {
    String longElement = "boom" + "x".repeat(10_000);
    Pipeline p = pipeline("--directParallelism=1");
    p.apply(Create.of(longElement)).apply("Explode", ParDo.of(new FailOnBoom(testId)));

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e.getMessage()).contains("Explode").contains("boomxxx").contains("...");
    assertThat(e.getMessage().length()).isLessThan(1_000);
  }

  @Test
  void teardownRunsAfterAFailure() {
    Pipeline p = pipeline("--directParallelism=1");
    p.apply(Create.of("ok", "boom")).apply("Explode", ParDo.of(new FailOnBoom(testId)));

    catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(SETUPS.get(testId).get()).isPositive();
    assertThat(TEARDOWNS.get(testId).get()).isEqualTo(SETUPS.get(testId).get());
  }

  @Test
  void teardownRunsOnEveryInstanceAfterAFailureWithParallelBundles() {
    Pipeline p = pipeline("--directParallelism=2", "--directBundleSize=10");
    p.apply(Create.of(elementsWithBoom(2_000, 1_234)))
        .apply(Reshuffle.viaRandomKey())
        .apply("Explode", ParDo.of(new FailOnBoom(testId)));

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e.getMessage()).contains("Explode").contains("'boom'");
    assertThat(SETUPS.get(testId).get()).isEqualTo(2);
    assertThat(TEARDOWNS.get(testId).get()).isEqualTo(2);
  }

  @Test
  void failureInSetupNamesTheTransform() {
    assertLifecycleFailureNamesTransform("setup", "@Setup");
  }

  @Test
  void failureInStartBundleNamesTheTransform() {
    assertLifecycleFailureNamesTransform("startBundle", "@StartBundle");
  }

  @Test
  void failureInFinishBundleNamesTheTransform() {
    assertLifecycleFailureNamesTransform("finishBundle", "@FinishBundle");
  }

  @Test
  void failureInTeardownAfterASuccessfulRunFailsItNamingTheTransform() {
    assertLifecycleFailureNamesTransform("teardown", "@Teardown");
  }

  @Test
  void failureInACombineFnNamesTheTransformAndTheElement() {
    Pipeline p = pipeline("--directParallelism=1");
    p.apply(Create.of(KV.of("k", "ok"), KV.of("k", "boom")))
        .apply("Join", Combine.<String, String>perKey(DirectRunnerFailureTest::joinUnlessBoom));

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("'Join'").contains("boom");
    assertThat(e.getCause()).hasMessage("cannot join boom");
  }

  private static String joinUnlessBoom(Iterable<String> values) {
    for (String value : values) {
      if (value.equals("boom")) {
        throw new IllegalArgumentException("cannot join boom");
      }
    }
    return String.join(",", values);
  }

  private static void assertLifecycleFailureNamesTransform(String method, String annotation) {
    Pipeline p = pipeline("--directParallelism=1");
    p.apply(Create.of("a")).apply("Fragile", ParDo.of(new FailIn(method)));

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    // ParDo.of is a composite around the ParDo primitive, so the full name has two parts.
    assertThat(e.getMessage()).contains("'Fragile/ParMultiDo(FailIn)'").contains(annotation);
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
        .hasMessage("failure in " + method);
  }

  @Test
  void seededFailureTellsHowToReproduce() {
    Pipeline p = pipeline("--directSeed=42");
    p.apply(Create.of("ok", "boom")).apply("Explode", ParDo.of(new FailOnBoom(testId)));

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e.getMessage()).contains("--directSeed=42");
  }

  /** A deterministic key coder that cannot encode one key. */
  static final class PickyKeyCoder extends AtomicCoder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      if (value.equals("bad")) {
        throw new CoderException("cannot encode key 'bad'");
      }
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in);
    }

    @Override
    public void verifyDeterministic() {}

    /** Groups by encoding, so the grouping calls {@link #encode}. */
    @Override
    public boolean consistentWithEquals() {
      return false;
    }
  }

  static final class KeyFn extends DoFn<String, KV<String, Integer>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String key, OutputReceiver<KV<String, Integer>> out) {
      out.output(KV.of(key, 1));
    }
  }

  @Test
  void aKeyCoderFailureInAGroupingNamesTheGroupingAndTheElement() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(
        "--enforceEncodability=false", "--enforceImmutability=false").create());
    p.apply(Create.of("good", "bad"))
        .apply("Key", ParDo.of(new KeyFn()))
        .setCoder(KvCoder.of(new PickyKeyCoder(), VarIntCoder.of()))
        .apply("GroupThem", GroupByKey.create());

    Pipeline.PipelineExecutionException failure =
        catchThrowableOfType(p::run, Pipeline.PipelineExecutionException.class);

    assertThat(failure).hasMessageContaining("GroupThem").hasMessageContaining("KV{bad")
        .hasMessageContaining("PickyKeyCoder");
    assertThat(failure).rootCause().hasMessage("cannot encode key 'bad'");
  }
}
