package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import java.util.function.Supplier;

/**
 * Where a stage's elements stop: a grouping, a buffer or a side-input view. Each bundle fills
 * its own local part on a worker thread; the coordinator commits the parts in bundle order.
 *
 * @param <L> the type of a bundle's local part
 */
abstract class Sink<L> {
  /** A factory of local parts for one chain instance (which owns any per-thread copies). */
  abstract Supplier<L> localFactory();

  /** A new local part for a bundle; the ticket says when the bundle is the head of its run. */
  L newLocal(Supplier<L> factory, BundleTicket ticket) {
    return factory.get();
  }

  /** Adds an element to a local part; on the worker thread. */
  abstract void add(L local, WindowedValue<?> value);

  /** Folds a bundle's local part into the sink; on the coordinator thread, in bundle order. */
  abstract void commit(L local);

  /**
   * What this sink holds, encoded for an engine snapshot, or null when it holds nothing. On the
   * coordinator thread, between bundles.
   */
  byte[] snapshotState() {
    return null;
  }

  /** Takes up the state of a {@link #snapshotState()} (never null) of the same sink. */
  void restoreState(byte[] state) {
    throw new IllegalStateException(getClass().getSimpleName() + " holds no state to restore");
  }

  /** A receiver that writes into a chain instance's current local part. */
  final Writer<L> writer() {
    return new Writer<>(this, localFactory());
  }

  /** The receiving end of a sink inside one chain instance. */
  static final class Writer<L> implements Receiver {
    private final Sink<L> sink;
    private final Supplier<L> factory;
    private L local;

    Writer(Sink<L> sink, Supplier<L> factory) {
      this.sink = sink;
      this.factory = factory;
    }

    private BundleTicket ticket = BundleTicket.INLINE;

    void startBundle(BundleTicket bundleTicket) {
      local = null;
      ticket = bundleTicket;
    }

    @Override
    public void accept(WindowedValue<?> value) {
      if (local == null) {
        local = sink.newLocal(factory, ticket);
      }
      sink.add(local, value);
    }

    /** The part this bundle filled, ready to commit, or null if nothing arrived. */
    Runnable finishBundle() {
      L filled = local;
      local = null;
      return filled == null ? null : () -> sink.commit(filled);
    }
  }
}
