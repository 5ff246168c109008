package io.runnel.runners.direct.internal;

import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.execution.BundleTicket;
import io.runnel.runners.core.execution.ChainInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs bundles of one stage: inline, or on worker threads with the results committed in bundle
 * order. Keeps the stage's chain instances (and their set-up DoFns) for the whole run.
 */
final class StageExecutor {
  private final Supplier<ChainInstance> chains;
  private final List<ChainInstance> pool = new ArrayList<>();

  StageExecutor(Supplier<ChainInstance> chains) {
    this.chains = chains;
  }

  /** Processes {@code bundles} and applies their commits in bundle order. */
  void run(List<Iterable<WindowedValue<?>>> bundles, ExecutorService threads, int parallelism) {
    int workers = Math.min(parallelism, bundles.size());
    if (workers <= 1 || threads == null) {
      ChainInstance chain = chain(0);
      for (Iterable<WindowedValue<?>> bundle : bundles) {
        chain.process(bundle, BundleTicket.INLINE).forEach(Runnable::run);
      }
      return;
    }
    BlockingQueue<ChainInstance> free = new ArrayBlockingQueue<>(workers);
    for (int i = 0; i < workers; i++) {
      free.add(chain(i));
    }
    List<Future<List<Runnable>>> pending = new ArrayList<>();
    BundleTicket.Turns turns = new BundleTicket.Turns();
    int submitted = 0;
    int window = 4 * workers;
    try {
      for (int next = 0; next < bundles.size(); next++) {
        while (submitted < bundles.size() && submitted < next + window) {
          Iterable<WindowedValue<?>> bundle = bundles.get(submitted);
          BundleTicket ticket = turns.ticket(submitted++);
          pending.add(threads.submit(() -> {
            ChainInstance chain = free.take();
            try {
              return chain.process(bundle, ticket);
            } finally {
              free.add(chain);
            }
          }));
        }
        await(pending.get(next)).forEach(Runnable::run);
        pending.set(next, null);
        turns.committed(next);
      }
    } finally {
      for (Future<List<Runnable>> future : pending) {
        if (future != null) {
          future.cancel(false);
        }
      }
    }
  }

  private ChainInstance chain(int i) {
    while (pool.size() <= i) {
      pool.add(chains.get());
    }
    return pool.get(i);
  }

  private static List<Runnable> await(Future<List<Runnable>> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the pipeline", e);
    }
  }
}
