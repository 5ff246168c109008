package io.runnel.runners.core.execution;

import java.time.Instant;

/**
 * The input side of a stage root that receives elements from other stages: a grouping, a
 * flatten, or a ParDo with side inputs. It releases work for its stage as time moves.
 * Coordinator thread only, but for {@link #add} on a local part (and whatever a sink lets the
 * head bundle of a stage run do there, see {@link BundleTicket}).
 */
abstract class RootSink<L> extends Sink<L> {
  private Stage stage;
  private WorkQueue queue;

  final void attach(Stage stage, WorkQueue queue) {
    this.stage = stage;
    this.queue = queue;
  }

  final Stage stage() {
    return stage;
  }

  final WorkQueue queue() {
    return queue;
  }

  /** The input watermark or processing time moved; release whatever is now due. */
  void advance(Instant inputWatermark, Instant processingTime) {}

  /** The earliest timestamp this root still holds back, or null. */
  Instant hold() {
    return null;
  }

  /** {@link #hold()} if it is before {@code limit}, else null (cheaper for some roots). */
  Instant holdBefore(Instant limit) {
    Instant hold = hold();
    return hold != null && hold.isBefore(limit) ? hold : null;
  }

  /** When this root's earliest processing-time timer is due (strictly after it), or null. */
  Instant nextProcessingTimeTimer() {
    return null;
  }
}
