package io.runnel.testing;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link Pipeline} for tests, registered as a JUnit 5 extension:
 *
 * <pre>{@code
 * @RegisterExtension final transient TestPipeline p = TestPipeline.create();
 *
 * @Test void countsWords() {
 *   PCollection<KV<String, Long>> counts = p.apply(Create.of("a", "b", "a")).apply(Count.perElement());
 *   PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
 *   p.run();
 * }
 * }</pre>
 *
 * <p>{@link #run()} rethrows a failed assertion as the {@link AssertionError} itself, and after
 * the run checks from its metrics that every {@link PAssert} in the pipeline succeeded exactly once
 * ({@link #verifyPAssertsSucceeded}), so an assertion that never ran fails the test even when it
 * would have run in another JVM. After each test it checks that the pipeline was run (a test that
 * builds transforms and forgets {@code run()} fails, or is run for it with {@link
 * #enableAutoRunIfMissing}) and that no assertion was added after the last run. The runner and
 * options come from the system property {@code runnelTestPipelineOptions}, e.g. {@code
 * -DrunnelTestPipelineOptions="--runner=direct --directSeed=7"}; the default is the direct runner.
 *
 * <p>Nothing is kept outside the pipeline object: assertions are found in its graph, and their
 * outcomes in the run's metrics. Not thread-safe, as {@link Pipeline}.
 */
public final class TestPipeline extends Pipeline implements BeforeEachCallback, AfterEachCallback {
  /** The system property holding the test options, space-separated as on a command line. */
  public static final String PROPERTY = "runnelTestPipelineOptions";

  private boolean autoRunIfMissing;
  private boolean enforceRun = true;
  private boolean ran;
  /** The full names of the assertions the last {@code run()} was asked to check. */
  private List<String> assertionsRun = List.of();

  private TestPipeline(PipelineOptions options) {
    super(options);
  }

  /** A test pipeline with the options of {@link #testingPipelineOptions()}. */
  public static TestPipeline create() {
    return new TestPipeline(testingPipelineOptions());
  }

  /** A test pipeline with {@code options}. */
  public static TestPipeline fromOptions(PipelineOptions options) {
    return new TestPipeline(options);
  }

  /** The options given by the {@value #PROPERTY} system property, or the defaults. */
  public static PipelineOptions testingPipelineOptions() {
    String args = System.getProperty(PROPERTY, "").trim();
    return args.isEmpty() ? PipelineOptionsFactory.create()
        : PipelineOptionsFactory.fromArgs(args.split("\\s+")).create();
  }

  /** Runs the pipeline after the test if the test did not (instead of failing it). */
  public TestPipeline enableAutoRunIfMissing(boolean enable) {
    this.autoRunIfMissing = enable;
    return this;
  }

  /** Whether a test that builds transforms but never runs them fails (default true). */
  public TestPipeline enableAbandonedNodeEnforcement(boolean enable) {
    this.enforceRun = enable;
    return this;
  }

  @Override
  public PipelineResult run() {
    return run(getOptions());
  }

  /**
   * Runs the pipeline, then checks from the result's metrics that every {@link PAssert} succeeded
   * exactly once. A failed assertion is thrown as an {@link AssertionError}.
   */
  @Override
  public PipelineResult run(PipelineOptions options) {
    ran = true;
    assertionsRun = AssertionVerifier.assertionsOf(this).stream()
        .map(AssertionVerifier.Assertion::fullName).toList();
    PipelineResult result;
    try {
      result = super.run(options);
    } catch (PipelineExecutionException e) {
      AssertionError assertion = findAssertion(e);
      if (assertion != null) {
        AssertionError rethrown = new AssertionError(assertion.getMessage()
            + "\n  (raised in " + e.getMessage().split(":", 2)[0] + ")", assertion);
        throw rethrown;
      }
      throw e;
    }
    verifyPAssertsSucceeded(this, result);
    return result;
  }

  /**
   * Verifies that every {@link PAssert} of {@code pipeline} succeeded exactly once in the run
   * {@code result}, from the counters {@link PAssert#SUCCESS_COUNTER} and {@link
   * PAssert#FAILURE_COUNTER} its check steps reported: committed values, or attempted ones where
   * the runner does not support committed metrics. Waits for the run to finish if it has not.
   * {@link #run()} calls it; call it yourself after running a plain {@link Pipeline}, as in Beam.
   *
   * @throws AssertionError naming each assertion that never ran, succeeded more than once, or
   *     failed without failing the run
   */
  public static void verifyPAssertsSucceeded(Pipeline pipeline, PipelineResult result) {
    AssertionVerifier.verify(pipeline, result);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ran = false;
    assertionsRun = List.of();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    if (!ran && hasTransforms()) {
      if (autoRunIfMissing) {
        run();
      } else if (enforceRun) {
        throw new AssertionError("The test built a pipeline but never ran it: call p.run() at the"
            + " end of the test (or enableAutoRunIfMissing(true) on the TestPipeline)");
      }
    }
    if (ran) {
      List<String> addedAfterRun = new ArrayList<>();
      for (AssertionVerifier.Assertion assertion : AssertionVerifier.assertionsOf(this)) {
        if (!assertionsRun.contains(assertion.fullName())) {
          addedAfterRun.add(assertion.toString());
        }
      }
      if (!addedAfterRun.isEmpty()) {
        throw new AssertionError("These PAsserts never ran, so they checked nothing: "
            + addedAfterRun + " (they were added after the last p.run(); run the pipeline after"
            + " adding every assertion)");
      }
    }
  }

  private boolean hasTransforms() {
    boolean[] any = {false};
    traverseTopologically(new PipelineVisitor() {
      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        any[0] = true;
      }
    });
    return any[0];
  }

  private static AssertionError findAssertion(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof AssertionError assertion) {
        return assertion;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "TestPipeline";
  }
}
