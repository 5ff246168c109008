package io.runnel.sdk.metrics;

import java.io.Closeable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MetricsContainer} each thread reports metric updates to; for runners, not for
 * pipeline code. While a runner executes user code of a step (a {@code DoFn} method, a {@code
 * CombineFn}, ...), it makes that step's container current on the executing thread:
 *
 * <pre>{@code
 * try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(stepContainer)) {
 *   fnRunner.processElement(element);
 * }
 * }</pre>
 *
 * Scopes nest: when one step's user code calls into the next step's on the same thread (fused
 * steps), the inner scope restores the outer one on close. Updates made with no current container
 * (in a constructor, a static initializer, a thread started by user code) are dropped; the first
 * one is logged as a warning.
 *
 * <p>The current container is per thread, so all methods are thread-safe and affect only the
 * calling thread.
 */
public final class MetricsEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsEnvironment.class);
  private static final ThreadLocal<MetricsContainer> CURRENT = new ThreadLocal<>();
  private static final AtomicBoolean REPORTED_MISSING_CONTAINER = new AtomicBoolean();

  private MetricsEnvironment() {}

  /** The calling thread's current container, or null if none is set. */
  public static MetricsContainer getCurrentContainer() {
    return CURRENT.get();
  }

  /**
   * Makes {@code container} (null for none) current on the calling thread and returns the one it
   * replaces (null if none), which the caller restores when done. Allocates nothing: the form for
   * per-element paths; {@link #scopedContainer} is the convenient one.
   */
  public static MetricsContainer setCurrentContainer(MetricsContainer container) {
    MetricsContainer previous = CURRENT.get();
    // set(null) rather than remove(): keeps the thread's entry, so switching allocates nothing.
    CURRENT.set(container);
    return previous;
  }

  /**
   * Makes {@code container} current on the calling thread until the returned scope is closed,
   * which restores the container current before. Close it on the same thread, innermost first;
   * closing it again does nothing.
   */
  public static Scope scopedContainer(MetricsContainer container) {
    return new Scope(setCurrentContainer(Objects.requireNonNull(container, "container")));
  }

  /** The current container for an update of {@code metric}; logs once, ever, if there is none. */
  static MetricsContainer containerFor(MetricName metric) {
    MetricsContainer container = CURRENT.get();
    if (container == null && REPORTED_MISSING_CONTAINER.compareAndSet(false, true)) {
      LOG.warn("Metric {} was updated on thread '{}', where no step is executing, and the update"
          + " was dropped. Update metrics only from DoFn methods (and other user functions) while"
          + " the runner calls them, not from constructors or threads of your own. Further"
          + " dropped updates are not logged.", metric, Thread.currentThread().getName());
    }
    return container;
  }

  /** A current container set by {@link #scopedContainer}; closing restores the previous one. */
  public static final class Scope implements Closeable {
    private final MetricsContainer previous;
    private boolean closed;

    private Scope(MetricsContainer previous) {
      this.previous = previous;
    }

    /** Restores the container that was current when this scope opened. Does not throw. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        setCurrentContainer(previous);
      }
    }
  }
}
