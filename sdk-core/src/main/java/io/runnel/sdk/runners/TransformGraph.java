package io.runnel.sdk.runners;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph of transform applications a pipeline builds: keeps the composite nesting, keeps full
 * names unique (renaming or refusing a taken one, see {@link PipelineOptions#getStableUniqueNames})
 * and walks the graph. Used by {@code Pipeline}; runners traverse it.
 */
public final class TransformGraph {
  private static final Logger LOG = LoggerFactory.getLogger(TransformGraph.class);
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
    return push(name, inputs, transform, PipelineOptions.CheckEnabled.ERROR);
  }

  /**
   * As {@link #push(String, Map, PTransform)}, but a taken name is handled as {@code
   * stableUniqueNames} says: renamed with the first free numeric suffix, as Beam does ({@code
   * OFF}, or {@code WARNING}, which also logs it), or refused ({@code ERROR}).
   */
  public TransformNode push(String name, Map<TupleTag<?>, PValue> inputs,
      PTransform<?, ?> transform, PipelineOptions.CheckEnabled stableUniqueNames) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A transform name must not be empty: " + transform);
    }
    TransformNode parent = current.peek();
    String prefix = parent.isRootNode() ? "" : parent.getFullName() + "/";
    String fullName = prefix + name;
    if (!fullNames.add(fullName)) {
      if (stableUniqueNames == PipelineOptions.CheckEnabled.ERROR) {
        throw new IllegalStateException("Transform name '" + fullName + "' is already used in"
            + " this pipeline; give this application of " + transform.getClass().getSimpleName()
            + " a unique name with apply(\"UniqueName\", transform) (or set"
            + " --stableUniqueNames=WARNING to have it renamed, as Beam does)");
      }
      String taken = fullName;
      for (int suffix = 2; !fullNames.add(fullName); suffix++) {
        fullName = prefix + name + suffix;
      }
      if (stableUniqueNames == PipelineOptions.CheckEnabled.WARNING) {
        LOG.warn("Transform name '{}' is already used in this pipeline; this application is"
            + " named '{}'. Give it a name of its own with apply(\"UniqueName\", transform): a"
            + " name that depends on the order of apply calls is not stable across versions of"
            + " the pipeline.", taken, fullName);
      }
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
