package io.runnel.benchmarks;

import io.runnel.runners.direct.DirectOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The direct runner settings a benchmark is run with: the number of worker threads and whether the
 * runner's element checks (Beam's {@code enforceImmutability} and {@code enforceEncodability},
 * switched together) are on. JMH runs every combination.
 */
@State(Scope.Benchmark)
public class DirectRunnerParams {
  /** {@code --directParallelism}: threads that process bundles. */
  @Param({"1", "2"})
  public int directParallelism;

  /** Both {@code --enforceImmutability} and {@code --enforceEncodability}. */
  @Param({"true", "false"})
  public boolean checks;

  /**
   * More pipeline options, separated by spaces (e.g. {@code -p
   * extraArgs=--directBundleSize=8192}); none by default.
   */
  @Param({""})
  public String extraArgs;

  /** Fresh options for one pipeline run on the direct runner with these settings. */
  public DirectOptions options() {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "--runner=direct",
        "--directParallelism=" + directParallelism,
        "--enforceImmutability=" + checks,
        "--enforceEncodability=" + checks));
    if (extraArgs != null && !extraArgs.isBlank()) {
      args.addAll(java.util.List.of(extraArgs.trim().split("\\s+")));
    }
    return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(DirectOptions.class);
  }
}
