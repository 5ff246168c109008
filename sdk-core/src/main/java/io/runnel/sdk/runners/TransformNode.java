package io.runnel.sdk.runners;

import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One application of a transform in a pipeline's graph: its full name, its inputs and outputs,
 * and, for composites, the applications it expanded into. Runners read it; only the pipeline
 * builds it. A node without parts is a primitive (except the root).
 */
public final class TransformNode {
  private final TransformNode enclosing;
  private final String fullName;
  private final PTransform<?, ?> transform;
  private final Map<TupleTag<?>, PValue> inputs;
  private final Map<TupleTag<?>, PValue> additionalInputs;
  private final List<TransformNode> parts = new ArrayList<>();
  private Map<TupleTag<?>, PValue> outputs = Map.of();

  TransformNode(TransformNode enclosing, String fullName, PTransform<?, ?> transform,
      Map<TupleTag<?>, PValue> inputs, Map<TupleTag<?>, PValue> additionalInputs) {
    this.enclosing = enclosing;
    this.fullName = fullName;
    this.transform = transform;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.additionalInputs = Collections.unmodifiableMap(new LinkedHashMap<>(additionalInputs));
  }

  /** The root of a graph: no transform, no name. */
  static TransformNode root() {
    return new TransformNode(null, "", null, Map.of(), Map.of());
  }

  /** The composite this node is part of; null for the root. */
  public TransformNode getEnclosingNode() {
    return enclosing;
  }

  /** The slash-separated name, unique in the pipeline, e.g. "CountWords/Count.PerElement". */
  public String getFullName() {
    return fullName;
  }

  /** The applied transform; null for the root. */
  public PTransform<?, ?> getTransform() {
    return transform;
  }

  /** The main inputs, by tag. */
  public Map<TupleTag<?>, PValue> getInputs() {
    return inputs;
  }

  /** Side inputs and other values read besides the main input. */
  public Map<TupleTag<?>, PValue> getAdditionalInputs() {
    return additionalInputs;
  }

  /** The outputs, by tag. */
  public Map<TupleTag<?>, PValue> getOutputs() {
    return outputs;
  }

  /** The nodes this composite expanded into, in application order. */
  public List<TransformNode> getParts() {
    return Collections.unmodifiableList(parts);
  }

  public boolean isRootNode() {
    return enclosing == null;
  }

  /** Whether this node expanded into other transforms (or is the root). */
  public boolean isCompositeNode() {
    return isRootNode() || !parts.isEmpty();
  }

  void addPart(TransformNode part) {
    parts.add(part);
  }

  void removePart(TransformNode part) {
    parts.remove(part);
  }

  void setOutputs(Map<TupleTag<?>, PValue> outputs) {
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  @Override
  public String toString() {
    return isRootNode() ? "<root>" : fullName;
  }
}
