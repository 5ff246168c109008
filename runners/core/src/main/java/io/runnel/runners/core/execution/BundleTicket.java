package io.runnel.runners.core.execution;

/**
 * A bundle's place among the bundles of one stage run, which commit in order. The oldest bundle
 * not yet committed (the head) is the one the coordinator waits for: every earlier bundle has
 * committed, and the coordinator touches no sink until this one finishes. So while a bundle is
 * the head, its worker may act on a sink's coordinator-side state as its commit would (a
 * stateful ParDo processes its elements as they come instead of buffering them).
 */
public final class BundleTicket {
  /** The bundles of one stage run; {@link #next} moves the head once a bundle has committed. */
  public static final class Turns {
    private volatile int head;

    public BundleTicket ticket(int index) {
      return new BundleTicket(this, index);
    }

    /** Bundle {@code index} has committed; the next one becomes the head. */
    public synchronized void committed(int index) {
      head = index + 1;
      notifyAll();
    }

    synchronized void awaitHead(int index) throws InterruptedException {
      while (head != index) {
        wait();
      }
    }
  }

  /** A bundle run inline on the coordinator, one after another: always the head. */
  public static final BundleTicket INLINE = new BundleTicket(null, 0);

  private final Turns turns;
  private final int index;

  private BundleTicket(Turns turns, int index) {
    this.turns = turns;
    this.index = index;
  }

  /** Whether every earlier bundle has committed and this one has not. */
  boolean isHead() {
    return turns == null || turns.head == index;
  }

  /**
   * Waits until this bundle is the head: backpressure for a worker that would otherwise buffer
   * without bound for a sink that can only take elements from the head. Cannot deadlock: the
   * head's task was submitted before this one, so it runs or has run, and the coordinator
   * commits it.
   */
  void awaitHead() {
    if (turns == null) {
      return;
    }
    try {
      turns.awaitHead(index);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for earlier bundles to commit",
          e);
    }
  }
}
