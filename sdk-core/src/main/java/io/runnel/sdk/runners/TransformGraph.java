package io.runnel.sdk.runners;

import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The graph of transform applications a pipeline builds: keeps the composite nesting, enforces
 * unique full names and walks the graph. Used by {@code Pipeline}; runners traverse it.
 */
public final class TransformGraph {
  private final TransformNode root = TransformNode.root();
  private final Deque<TransformNode> current = new ArrayDeque<>();
  private final Set<String> fullNames = new HashSet<>();

  public TransformGraph() {
    current.push(root);
  }

  /** The root composite. */
  public TransformNode getRoot() {
    return root;
  }

  /** The node whose expansion is running, or the root. */
  public TransformNode getCurrent() {
    return current.peek();
  }

  /**
   * Opens a node for an application of {@code transform} named {@code name} in the current
   * composite; throws if the full name is taken.
   */
  public TransformNode push(String name, Map<TupleTag<?>, PValue> inputs, PTransform<?, ?> transform) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A transform name must not be empty: " + transform);
    }
    TransformNode parent = current.peek();
    String fullName = parent.isRootNode() ? name : parent.getFullName() + "/" + name;
    if (!fullNames.add(fullName)) {
      throw new IllegalStateException("Transform name '" + fullName + "' is already used in this"
          + " pipeline; give this application of " + transform.getClass().getSimpleName()
          + " a unique name with apply(\"UniqueName\", transform)");
    }
    TransformNode node = new TransformNode(parent, fullName, transform, inputs,
        transform.getAdditionalInputs());
    parent.addPart(node);
    current.push(node);
    return node;
  }

  /** Closes the current node, recording its outputs and naming new collections after it. */
  public void finish(Map<TupleTag<?>, PValue> outputs) {
    TransformNode node = current.pop();
    node.setOutputs(outputs);
    boolean single = outputs.size() == 1;
    for (Map.Entry<TupleTag<?>, PValue> output : outputs.entrySet()) {
      if (output.getValue() instanceof PCollection<?> pc) {
        String suffix = single ? "out" : output.getKey().getId();
        pc.recordProducerInternal(node.getFullName(), node.getFullName() + "." + suffix);
      }
    }
  }

  /**
   * Abandons the current node after its expansion failed, releasing its name and the names of
   * the parts it applied before failing, so the application can be retried under the same name.
   */
  public void abandon() {
    TransformNode node = current.pop();
    node.getEnclosingNode().removePart(node);
    releaseNames(node);
  }

  private void releaseNames(TransformNode node) {
    fullNames.remove(node.getFullName());
    for (TransformNode part : node.getParts()) {
      releaseNames(part);
    }
  }

  /** Visits the whole graph in application order. */
  public void traverseTopologically(PipelineVisitor visitor) {
    for (TransformNode part : root.getParts()) {
      visit(part, visitor);
    }
  }

  private void visit(TransformNode node, PipelineVisitor visitor) {
    if (node.isCompositeNode()) {
      if (visitor.enterCompositeTransform(node) == PipelineVisitor.CompositeBehavior.ENTER_TRANSFORM) {
        for (TransformNode part : node.getParts()) {
          visit(part, visitor);
        }
      } else {
        node.getOutputs().values().forEach(v -> visitor.visitValue(v, node));
      }
      visitor.leaveCompositeTransform(node);
    } else {
      visitor.visitPrimitiveTransform(node);
      node.getOutputs().values().forEach(v -> visitor.visitValue(v, node));
    }
  }
}
