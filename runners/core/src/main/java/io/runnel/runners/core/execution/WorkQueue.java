package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import java.util.List;

/** Where stage roots put elements for their stage to process. Coordinator thread only. */
public interface WorkQueue {
  /**
   * Queues {@code elements} for {@code stage}. When {@code splittable}, they may be cut into
   * several bundles; otherwise they form one bundle (as a TestStream event must).
   */
  void enqueue(Stage stage, List<WindowedValue<?>> elements, boolean splittable);

  /**
   * Queues one bundle read from a source split as it is processed (so never cut), whose commit
   * the runner reports with {@link ChainInstance#process}'s commits like any other.
   */
  void enqueueRead(Stage stage, Iterable<WindowedValue<?>> bundle);
}
