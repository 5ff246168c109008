package io.runnel.runners.core.triggers;

import io.runnel.sdk.state.TimeDomain;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a state machine sees while it runs for one window: its node of the tree, the window's
 * trigger state, the clocks, and, while windows merge, the states of the windows being merged.
 */
final class TriggerContext {
  private final TriggerNode node;
  private final BoundedWindow window;
  private final TriggerWindowState state;
  private final TriggerTimers timers;
  private final boolean mergingWindowFn;
  private final List<TriggerWindowState> mergingStates;

  TriggerContext(TriggerNode node, BoundedWindow window, TriggerWindowState state,
      TriggerTimers timers, boolean mergingWindowFn, List<TriggerWindowState> mergingStates) {
    this.node = node;
    this.window = window;
    this.state = state;
    this.timers = timers;
    this.mergingWindowFn = mergingWindowFn;
    this.mergingStates = mergingStates;
  }

  TriggerContext forNode(TriggerNode other) {
    return other == node ? this
        : new TriggerContext(other, window, state, timers, mergingWindowFn, mergingStates);
  }

  BoundedWindow window() {
    return window;
  }

  /** Whether the window function may merge windows, so finished sub-triggers may revive. */
  boolean isMerging() {
    return mergingWindowFn;
  }

  Instant currentEventTime() {
    return timers.currentEventTime();
  }

  Instant currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  boolean endOfWindowReached() {
    return currentEventTime().isAfter(window.maxTimestamp());
  }

  void setTimer(Instant time, TimeDomain domain) {
    timers.setTimer(time, domain);
  }

  TriggerNode subTrigger(int i) {
    return node.children().get(i);
  }

  List<TriggerNode> subTriggers() {
    return node.children();
  }

  boolean isFinished() {
    return state.isFinished(node.index());
  }

  boolean isFinished(TriggerNode other) {
    return state.isFinished(other.index());
  }

  void setFinished(boolean finished) {
    state.setFinished(node.index(), finished);
  }

  TriggerNode firstUnfinishedSubTrigger() {
    for (TriggerNode child : node.children()) {
      if (!state.isFinished(child.index())) {
        return child;
      }
    }
    return null;
  }

  List<TriggerNode> unfinishedSubTriggers() {
    List<TriggerNode> out = new ArrayList<>();
    for (TriggerNode child : node.children()) {
      if (!state.isFinished(child.index())) {
        out.add(child);
      }
    }
    return out;
  }

  /** Clears the finished bits of this node's subtree, then the subtree's values. */
  void resetTree() {
    state.clearFinished(node.index(), node.endIndex());
    node.invokeClear(this);
  }

  long count() {
    return state.count(node.index());
  }

  void setCount(long count) {
    state.setCount(node.index(), count);
  }

  Instant deadline() {
    return state.deadline(node.index());
  }

  void setDeadline(Instant deadline) {
    state.setDeadline(node.index(), deadline);
  }

  /** The states of the windows being merged; empty outside of a merge. */
  List<TriggerWindowState> mergingStates() {
    return mergingStates == null ? List.of() : mergingStates;
  }

  boolean finishedInAnyMergingWindow() {
    for (TriggerWindowState merging : mergingStates()) {
      if (merging.isFinished(node.index())) {
        return true;
      }
    }
    return false;
  }

  boolean finishedInAllMergingWindows() {
    for (TriggerWindowState merging : mergingStates()) {
      if (!merging.isFinished(node.index())) {
        return false;
      }
    }
    return true;
  }

  /** The sum of this node's counts over the merging windows. */
  long mergedCount() {
    long sum = 0;
    for (TriggerWindowState merging : mergingStates()) {
      sum += merging.count(node.index());
    }
    return sum;
  }

  /** The earliest of this node's deadlines over the merging windows, or null. */
  Instant mergedDeadline() {
    Instant earliest = null;
    for (TriggerWindowState merging : mergingStates()) {
      Instant d = merging.deadline(node.index());
      if (d != null && (earliest == null || d.isBefore(earliest))) {
        earliest = d;
      }
    }
    return earliest;
  }
}
