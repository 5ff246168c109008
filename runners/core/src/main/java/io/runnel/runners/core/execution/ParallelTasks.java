package io.runnel.runners.core.execution;

import java.util.List;

/**
 * How the engine runs independent tasks that may go in parallel, such as the key-group shards
 * of a stateful ParDo or a grouping: the runner decides on which threads. The engine owns no
 * threads. Each task touches only its own shard, so any order or overlap gives the same result.
 */
@FunctionalInterface
public interface ParallelTasks {
  /** Runs one after another on the calling thread. */
  ParallelTasks SEQUENTIAL = tasks -> tasks.forEach(Runnable::run);

  /**
   * Runs every task and returns once all have finished; if any failed, rethrows the failure of
   * the first task (in list order) that failed, after all have finished.
   */
  void runAll(List<? extends Runnable> tasks);

  /** How many tasks may run at once; 1 (the default) means one after another. */
  default int parallelism() {
    return 1;
  }
}
