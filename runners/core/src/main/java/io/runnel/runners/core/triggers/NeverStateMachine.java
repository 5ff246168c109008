package io.runnel.runners.core.triggers;

import java.util.List;

/** Runs {@link io.runnel.windowing.Never#ever()}: never ready; the window fires only at GC. */
final class NeverStateMachine extends TriggerStateMachine {
  NeverStateMachine() {
    super(List.of());
  }

  @Override
  void onElement(TriggerContext c) {}

  @Override
  void onMerge(TriggerContext c) {}

  @Override
  boolean shouldFire(TriggerContext c) {
    return false;
  }

  @Override
  void onFire(TriggerContext c) {
    throw new IllegalStateException("Never.ever() cannot fire");
  }
}
