package io.runnel.runners.core.triggers;

import io.runnel.sdk.state.TimeDomain;
import io.runnel.windowing.AfterProcessingTime;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs {@link AfterProcessingTime} (and, with no delay, {@code AfterSynchronizedProcessingTime}):
 * the first element of a pane fixes a deadline (its processing time, transformed); ready once
 * processing time is strictly after the deadline; finishes when it fires. Merged windows take the
 * earliest deadline; timers of the merged-away windows are left to fire and be ignored.
 */
final class AfterProcessingTimeStateMachine extends TriggerStateMachine {
  private final UnaryOperator<Instant> deadlineOf;

  AfterProcessingTimeStateMachine(UnaryOperator<Instant> deadlineOf) {
    super(List.of());
    this.deadlineOf = deadlineOf;
  }

  static AfterProcessingTimeStateMachine of(AfterProcessingTime trigger) {
    return new AfterProcessingTimeStateMachine(trigger::fireTime);
  }

  static AfterProcessingTimeStateMachine synchronizedWithUpstream() {
    return new AfterProcessingTimeStateMachine(UnaryOperator.identity());
  }

  @Override
  void onElement(TriggerContext c) {
    if (c.deadline() != null) {
      return;
    }
    Instant deadline = deadlineOf.apply(c.currentProcessingTime());
    c.setDeadline(deadline);
    c.setTimer(deadline, TimeDomain.PROCESSING_TIME);
  }

  @Override
  void onMerge(TriggerContext c) {
    if (c.isFinished()) {
      c.setDeadline(null);
      return;
    }
    Instant earliest = c.mergedDeadline();
    c.setDeadline(earliest);
    if (earliest != null) {
      c.setTimer(earliest, TimeDomain.PROCESSING_TIME);
    }
  }

  @Override
  boolean shouldFire(TriggerContext c) {
    Instant deadline = c.deadline();
    return deadline != null && c.currentProcessingTime().isAfter(deadline);
  }

  @Override
  void onFire(TriggerContext c) {
    clear(c);
    c.setFinished(true);
  }

  @Override
  void clear(TriggerContext c) {
    c.setDeadline(null);
  }
}
