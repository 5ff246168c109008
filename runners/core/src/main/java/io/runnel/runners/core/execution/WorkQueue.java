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
}
