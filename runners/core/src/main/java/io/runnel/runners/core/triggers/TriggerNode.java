package io.runnel.runners.core.triggers;

import java.util.ArrayList;
import java.util.List;

/**
 * A state machine at its place in a trigger tree: nodes are numbered depth-first, and a node's
 * subtree spans {@code [index, endIndex)}, so finished bits of a whole subtree can be reset at
 * once. Immutable.
 */
final class TriggerNode {
  private final int index;
  private final int endIndex;
  private final TriggerStateMachine machine;
  private final List<TriggerNode> children;

  private TriggerNode(int index, TriggerStateMachine machine, List<TriggerNode> children, int endIndex) {
    this.index = index;
    this.machine = machine;
    this.children = List.copyOf(children);
    this.endIndex = endIndex;
  }

  /** Numbers the tree under {@code machine}, starting at {@code firstIndex}. */
  static TriggerNode build(TriggerStateMachine machine, int firstIndex) {
    List<TriggerNode> children = new ArrayList<>();
    int next = firstIndex + 1;
    for (TriggerStateMachine sub : machine.subMachines()) {
      TriggerNode child = build(sub, next);
      children.add(child);
      next = child.endIndex;
    }
    return new TriggerNode(firstIndex, machine, children, next);
  }

  int index() {
    return index;
  }

  int endIndex() {
    return endIndex;
  }

  TriggerStateMachine machine() {
    return machine;
  }

  List<TriggerNode> children() {
    return children;
  }

  void invokeOnElement(TriggerContext c) {
    machine.onElement(c.forNode(this));
  }

  void invokeOnMerge(TriggerContext c) {
    machine.onMerge(c.forNode(this));
  }

  boolean invokeShouldFire(TriggerContext c) {
    return machine.shouldFire(c.forNode(this));
  }

  void invokeOnFire(TriggerContext c) {
    machine.onFire(c.forNode(this));
  }

  void invokeClear(TriggerContext c) {
    machine.clear(c.forNode(this));
  }
}
