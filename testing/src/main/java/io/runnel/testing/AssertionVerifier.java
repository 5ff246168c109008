package io.runnel.testing;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, from a run's metrics, that every {@link PAssert} of a pipeline succeeded exactly once.
 * The assertions are found in the pipeline's graph; their outcomes in the counters {@link
 * PAssert#SUCCESS_COUNTER} and {@link PAssert#FAILURE_COUNTER} that each assertion's check step
 * reports. Committed values are used, attempted ones where the runner does not support committed
 * metrics (as Beam's {@code TestPipeline.verifyPAssertsSucceeded} does). Stateless.
 */
final class AssertionVerifier {
  /** How many times each assertion's check runs: once, on one element in the global window. */
  private static final long EXPECTED_SUCCESSES = 1;

  private AssertionVerifier() {}

  /** One assertion in a graph: its full name (e.g. {@code PAssert$0}) and what it checks. */
  record Assertion(String fullName, String reason) {
    /** Whether a metric of step {@code stepName} was reported by this assertion's steps. */
    boolean owns(String stepName) {
      return stepName.equals(fullName) || stepName.startsWith(fullName + "/");
    }

    @Override
    public String toString() {
      return reason + " (" + fullName + ")";
    }
  }

  /** The assertions of {@code pipeline}, in the order they were applied. */
  static List<Assertion> assertionsOf(Pipeline pipeline) {
    List<Assertion> found = new ArrayList<>();
    pipeline.traverseTopologically(new PipelineVisitor() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformNode node) {
        if (node.getTransform() instanceof AssertionTransforms.Check check) {
          found.add(new Assertion(node.getFullName(), check.reason()));
          return CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }

      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        // An assertion still being expanded has no parts yet and looks like a primitive.
        if (node.getTransform() instanceof AssertionTransforms.Check check) {
          found.add(new Assertion(node.getFullName(), check.reason()));
        }
      }
    });
    return found;
  }

  /**
   * Throws an {@link AssertionError} naming every assertion of {@code pipeline} that did not
   * succeed exactly once in the run {@code result}: that never ran, ran more than once, or failed
   * without the run failing. Waits for the run to finish first if it has not.
   */
  static void verify(Pipeline pipeline, PipelineResult result) {
    List<Assertion> assertions = assertionsOf(pipeline);
    if (assertions.isEmpty()) {
      return;
    }
    PipelineResult.State state = result.getState();
    if (!state.isTerminal()) {
      state = result.waitUntilFinish();
    }
    Map<Assertion, Outcome> outcomes = new LinkedHashMap<>();
    assertions.forEach(a -> outcomes.put(a, new Outcome()));
    boolean anyReported = false;
    Iterable<MetricResult<Long>> counters = result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(PAssert.class, PAssert.SUCCESS_COUNTER))
            .addNameFilter(MetricNameFilter.named(PAssert.class, PAssert.FAILURE_COUNTER))
            .build())
        .getCounters();
    for (MetricResult<Long> counter : counters) {
      anyReported = true;
      for (Assertion assertion : assertions) {
        if (assertion.owns(counter.getKey().stepName())) {
          outcomes.get(assertion).add(counter);
          break;
        }
      }
    }
    String problems = describeProblems(outcomes);
    if (!problems.isEmpty()) {
      throw new AssertionError(problems + (anyReported ? "" : "\n  (the run, in state " + state
          + ", reported no PAssert counters at all: TestPipeline needs a runner that reports"
          + " counter metrics from every worker to PipelineResult.metrics())"));
    }
  }

  private static String describeProblems(Map<Assertion, Outcome> outcomes) {
    List<String> neverRan = new ArrayList<>();
    List<String> ranTooOften = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    outcomes.forEach((assertion, outcome) -> {
      if (outcome.failures > 0) {
        failed.add(assertion + " failed " + outcome.failures + " time(s)");
      } else if (outcome.successes == 0) {
        neverRan.add(assertion.toString());
      } else if (outcome.successes != EXPECTED_SUCCESSES) {
        ranTooOften.add(assertion + " succeeded " + outcome.successes + " times");
      }
    });
    List<String> lines = new ArrayList<>();
    if (!failed.isEmpty()) {
      lines.add("These PAsserts failed, but the run did not fail with their AssertionError: "
          + failed);
    }
    if (!neverRan.isEmpty()) {
      lines.add("These PAsserts never ran, so they checked nothing: " + neverRan);
    }
    if (!ranTooOften.isEmpty()) {
      lines.add("These PAsserts succeeded more than once, but each checks its collection once: "
          + ranTooOften);
    }
    return String.join("\n", lines);
  }

  /** The counts reported for one assertion. */
  private static final class Outcome {
    private long successes;
    private long failures;

    void add(MetricResult<Long> counter) {
      Long committed = counter.getCommittedOrNull();
      long value = committed != null ? committed : counter.getAttempted();
      if (counter.getName().getName().equals(PAssert.SUCCESS_COUNTER)) {
        successes += value;
      } else {
        failures += value;
      }
    }
  }
}
