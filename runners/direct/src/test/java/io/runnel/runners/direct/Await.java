package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition of a running pipeline, up to a deadline: the way tests of real-time runs
 * wait for results instead of sleeping. Recording code calls {@link #signal()} after each change,
 * which wakes the waiters at once; they also look again every few milliseconds, so a missed signal
 * only costs a little time. Thread-safe.
 */
final class Await {
  private static final Object MONITOR = new Object();
  private static final long RECHECK_MILLIS = 20;

  private Await() {}

  /** Wakes every waiter to check its condition again; cheap, call it after each recorded event. */
  static void signal() {
    synchronized (MONITOR) {
      MONITOR.notifyAll();
    }
  }

  /**
   * Returns once {@code condition} holds; fails the test naming {@code what} if it still does not
   * after {@code timeout}.
   */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    if (!holdsWithin(timeout, condition)) {
      fail("Timed out after " + timeout + " waiting until " + what);
    }
  }

  /** Whether {@code condition} holds at some point within {@code timeout}. */
  static boolean holdsWithin(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      synchronized (MONITOR) {
        try {
          MONITOR.wait(Math.max(1, Math.min(RECHECK_MILLIS, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting until a condition holds", e);
        }
      }
    }
    return true;
  }
}
