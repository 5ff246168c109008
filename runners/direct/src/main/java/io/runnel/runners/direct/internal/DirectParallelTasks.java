package io.runnel.runners.direct.internal;

import io.runnel.runners.core.execution.ParallelTasks;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the shards of keyed inputs on up to {@code --directParallelism} threads: the calling
 * thread and helpers from a pool of its own (not the bundle workers', whose threads may be
 * waiting for their bundle's turn), all taking tasks from one list until it is empty. A failure
 * is rethrown once every task has finished: the first in list order, so the same on every run.
 * Thread-safe; {@link #close} stops the helpers.
 */
final class DirectParallelTasks implements ParallelTasks, AutoCloseable {
  private final int parallelism;
  private ExecutorService helpers;

  DirectParallelTasks(int parallelism) {
    this.parallelism = parallelism;
  }

  @Override
  public int parallelism() {
    return parallelism;
  }

  @Override
  public void runAll(List<? extends Runnable> tasks) {
    int helperCount = Math.min(parallelism - 1, tasks.size() - 1);
    if (helperCount <= 0) {
      for (Runnable task : tasks) {
        task.run();
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Throwable[] failures = new Throwable[tasks.size()];
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
        try {
          tasks.get(i).run();
        } catch (Throwable t) {
          failures[i] = t;
        }
      }
    };
    CountDownLatch done = new CountDownLatch(helperCount);
    ExecutorService pool = pool();
    for (int h = 0; h < helperCount; h++) {
      pool.execute(() -> {
        try {
          worker.run();
        } finally {
          done.countDown();
        }
      });
    }
    worker.run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for shards of a keyed step", e);
    }
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }
  }

  private synchronized ExecutorService pool() {
    if (helpers == null) {
      helpers = Executors.newFixedThreadPool(parallelism - 1, runnable -> {
        Thread thread = new Thread(runnable, "runnel-direct-keyed");
        thread.setDaemon(true);
        return thread;
      });
    }
    return helpers;
  }

  @Override
  public synchronized void close() {
    if (helpers != null) {
      helpers.shutdownNow();
      try {
        helpers.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
