package io.runnel.runners.core.triggers;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The trigger state of one window: which nodes of the trigger tree have finished, plus the
 * per-node values the state machines keep (element counts, processing-time deadlines). Nodes are
 * numbered depth-first from the root (0). Mutable; owned by one thread.
 */
public final class TriggerWindowState {
  private final BitSet finished;
  private final long[] counts;
  private final Instant[] deadlines;

  TriggerWindowState(int nodes) {
    this(new BitSet(nodes), new long[nodes], new Instant[nodes]);
  }

  /** The number of nodes of the trigger tree this state is for. */
  int nodes() {
    return counts.length;
  }

  BitSet finishedBits() {
    return finished;
  }

  static TriggerWindowState of(BitSet finished, long[] counts, Instant[] deadlines) {
    return new TriggerWindowState(finished, counts, deadlines);
  }

  private TriggerWindowState(BitSet finished, long[] counts, Instant[] deadlines) {
    this.finished = finished;
    this.counts = counts;
    this.deadlines = deadlines;
  }

  /** A deep copy. */
  public TriggerWindowState copy() {
    return new TriggerWindowState((BitSet) finished.clone(), counts.clone(), deadlines.clone());
  }

  boolean isFinished(int node) {
    return finished.get(node);
  }

  void setFinished(int node, boolean value) {
    finished.set(node, value);
  }

  void clearFinished(int fromNode, int toNodeExclusive) {
    finished.clear(fromNode, toNodeExclusive);
  }

  long count(int node) {
    return counts[node];
  }

  void setCount(int node, long count) {
    counts[node] = count;
  }

  Instant deadline(int node) {
    return deadlines[node];
  }

  void setDeadline(int node, Instant deadline) {
    deadlines[node] = deadline;
  }

  /** Forgets the per-node values, keeping the finished bits. */
  void clearValues() {
    Arrays.fill(counts, 0);
    Arrays.fill(deadlines, null);
  }

  @Override
  public String toString() {
    return "TriggerWindowState{finished=" + finished + ", counts=" + Arrays.toString(counts)
        + ", deadlines=" + Arrays.toString(deadlines) + "}";
  }
}
