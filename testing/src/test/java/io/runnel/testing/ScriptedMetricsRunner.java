package io.runnel.testing;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.metrics.MetricQueryResults;
import io.runnel.sdk.metrics.MetricResult;
import io.runnel.sdk.metrics.MetricResults;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.runners.PipelineRunner;
import io.runnel.sdk.runners.PipelineRunnerRegistrar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A runner for {@link TestPipeline}'s own tests ({@code --runner=scripted-metrics}): it executes
 * nothing and reports, for the assertions of the pipeline, the PAssert counters its {@link
 * Options} script, as a runner whose workers ran them elsewhere would. Not shipped in the
 * test-jar.
 */
public final class ScriptedMetricsRunner extends PipelineRunner<PipelineResult> {
  static final String NAME = "scripted-metrics";

  private final Options options;

  private ScriptedMetricsRunner(Options options) {
    this.options = options;
  }

  /** What the runner reports for each assertion's check step. */
  public interface Options extends PipelineOptions {
    /** The committed value of each reported assertion's success counter. */
    @Default.Integer(1)
    int getScriptedSuccesses();

    void setScriptedSuccesses(int successes);

    /** The committed value of each reported assertion's failure counter (0: not reported). */
    @Default.Integer(0)
    int getScriptedFailures();

    void setScriptedFailures(int failures);

    /** How much more than committed the attempted values are (retried bundles). */
    @Default.Integer(0)
    int getScriptedAttemptedSurplus();

    void setScriptedAttemptedSurplus(int surplus);

    /** Whether committed values are reported at all. */
    @Default.Boolean(true)
    boolean isScriptedCommittedSupported();

    void setScriptedCommittedSupported(boolean supported);

    /** How many of the assertions, in the order they were applied, have counters reported. */
    @Default.Integer(Integer.MAX_VALUE)
    int getScriptedReportedAssertions();

    void setScriptedReportedAssertions(int count);

    /**
     * Whether {@code run()} returns while the run is still going, as a remote runner's may: the
     * result is RUNNING, with no metrics, until {@code waitUntilFinish()}.
     */
    @Default.Boolean(false)
    boolean isScriptedStillRunning();

    void setScriptedStillRunning(boolean running);
  }

  /** Makes the runner findable by {@link #NAME}. */
  public static final class Registrar implements PipelineRunnerRegistrar {
    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public PipelineRunner<? extends PipelineResult> fromOptions(PipelineOptions options) {
      return new ScriptedMetricsRunner(options.as(Options.class));
    }
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    List<MetricResult<Long>> counters = new ArrayList<>();
    List<AssertionVerifier.Assertion> assertions = AssertionVerifier.assertionsOf(pipeline);
    int reported = Math.min(assertions.size(), options.getScriptedReportedAssertions());
    for (AssertionVerifier.Assertion assertion : assertions.subList(0, reported)) {
      String step = assertion.fullName() + "/Check";
      counters.add(counter(step, PAssert.SUCCESS_COUNTER, options.getScriptedSuccesses()));
      if (options.getScriptedFailures() > 0) {
        counters.add(counter(step, PAssert.FAILURE_COUNTER, options.getScriptedFailures()));
      }
    }
    return new Result(counters, options.isScriptedStillRunning());
  }

  private MetricResult<Long> counter(String step, String name, long committed) {
    MetricKey key = MetricKey.create(step, MetricName.named(PAssert.class, name));
    long attempted = committed + options.getScriptedAttemptedSurplus();
    return options.isScriptedCommittedSupported()
        ? MetricResult.create(key, committed, attempted) : MetricResult.attempted(key, attempted);
  }

  /** A run reporting the scripted counters once it is done. */
  private static final class Result implements PipelineResult {
    private final List<MetricResult<Long>> counters;
    private boolean running;

    Result(List<MetricResult<Long>> counters, boolean running) {
      this.counters = counters;
      this.running = running;
    }

    @Override
    public State getState() {
      return running ? State.RUNNING : State.DONE;
    }

    @Override
    public State cancel() {
      running = false;
      return State.CANCELLED;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      return waitUntilFinish();
    }

    @Override
    public State waitUntilFinish() {
      running = false;
      return State.DONE;
    }

    @Override
    public MetricResults metrics() {
      return new MetricResults() {
        @Override
        public MetricQueryResults queryMetrics(MetricsFilter filter) {
          List<MetricResult<Long>> matching = new ArrayList<>();
          for (MetricResult<Long> counter : running ? List.<MetricResult<Long>>of() : counters) {
            if (filter == null || filter.matches(counter.getKey())) {
              matching.add(counter);
            }
          }
          return MetricQueryResults.create(matching, List.of(), List.of());
        }
      };
    }
  }
}
