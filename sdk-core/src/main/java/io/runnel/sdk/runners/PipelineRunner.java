package io.runnel.sdk.runners;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.options.PipelineOptions;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Executes pipelines. Runners are found by the name in {@code --runner} through
 * {@link PipelineRunnerRegistrar}s on the class path ({@code java.util.ServiceLoader}).
 */
public abstract class PipelineRunner<ResultT extends PipelineResult> {
  /** Runs {@code pipeline}; blocking or not, as the runner documents. */
  public abstract ResultT run(Pipeline pipeline);

  /** The runner named by {@code options.getRunner()}; an error lists the available names. */
  public static PipelineRunner<? extends PipelineResult> fromOptions(PipelineOptions options) {
    String name = options.getRunner();
    TreeMap<String, PipelineRunnerRegistrar> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (PipelineRunnerRegistrar registrar : ServiceLoader.load(PipelineRunnerRegistrar.class)) {
      byName.put(registrar.getName(), registrar);
    }
    PipelineRunnerRegistrar registrar = byName.get(name);
    if (registrar == null) {
      throw new IllegalArgumentException("Unknown runner '" + name + "' in --runner; runners on"
          + " the class path: " + byName.keySet() + (byName.isEmpty()
              ? " (add a runner module, e.g. io.runnel:runnel-runners-direct, as a dependency)" : ""));
    }
    return registrar.fromOptions(options);
  }
}
