package io.runnel.runners.core.execution;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.BoundedReadFromUnboundedSource;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.ScriptedStream;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.Impulse;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitives of a pipeline in topological order, with who consumes each collection. {@code
 * Combine.perKey} is planned as one lifted step instead of its expansion.
 */
final class ExecutionPlan {
  private final List<Step> steps = new ArrayList<>();
  private final Map<PCollection<?>, List<Step>> consumers = new HashMap<>();
  private final Map<PCollectionView<?>, Step.ViewStep> views = new HashMap<>();
  private final boolean liftOnlyWithAccumulatorCoder;

  private ExecutionPlan(boolean liftOnlyWithAccumulatorCoder) {
    this.liftOnlyWithAccumulatorCoder = liftOnlyWithAccumulatorCoder;
  }

  /**
   * @param liftOnlyWithAccumulatorCoder whether a {@code Combine.perKey} whose accumulator coder
   *     cannot be determined runs as its expansion instead of lifted (its accumulators could not
   *     be snapshot)
   */
  static ExecutionPlan of(Pipeline pipeline, boolean liftOnlyWithAccumulatorCoder) {
    ExecutionPlan plan = new ExecutionPlan(liftOnlyWithAccumulatorCoder);
    pipeline.traverseTopologically(plan.new Planner());
    return plan;
  }

  List<Step> steps() {
    return steps;
  }

  /** The steps that read {@code pc} as their main input. */
  List<Step> consumersOf(PCollection<?> pc) {
    return consumers.getOrDefault(pc, List.of());
  }

  Step.ViewStep viewStep(PCollectionView<?> view) {
    Step.ViewStep step = views.get(view);
    if (step == null) {
      throw new IllegalStateException(view + " is read as a side input but was not produced in"
          + " this pipeline");
    }
    return step;
  }

  private void add(Step step, List<PCollection<?>> inputs) {
    steps.add(step);
    for (PCollection<?> input : inputs) {
      consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(step);
    }
  }

  private final class Planner implements PipelineVisitor {
    @Override
    public CompositeBehavior enterCompositeTransform(TransformNode node) {
      if (node.getTransform() instanceof Combine.PerKey<?, ?, ?> combine
          && (!liftOnlyWithAccumulatorCoder || hasAccumulatorCoder(node, combine))) {
        PCollection<?> input = single(node.getInputs(), node);
        PCollection<?> output = single(node.getOutputs(), node);
        add(new Step.CombineStep(node.getFullName(), combine, input, output), List.of(input));
        return CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
      }
      return CompositeBehavior.ENTER_TRANSFORM;
    }

    @Override
    public void visitPrimitiveTransform(TransformNode node) {
      PTransform<?, ?> transform = node.getTransform();
      String name = node.getFullName();
      if (transform instanceof Impulse) {
        @SuppressWarnings("unchecked")
        PCollection<byte[]> out = (PCollection<byte[]>) single(node.getOutputs(), node);
        add(new Step.ImpulseStep(name, out), List.of());
      } else if (transform instanceof Read.Bounded<?> read) {
        add(new Step.ReadStep(name, read.getSource(), single(node.getOutputs(), node),
            Long.MAX_VALUE, null), List.of());
      } else if (transform instanceof Read.Unbounded<?> read) {
        add(new Step.ReadStep(name, read.getSource(), single(node.getOutputs(), node),
            Long.MAX_VALUE, null), List.of());
      } else if (transform instanceof BoundedReadFromUnboundedSource<?> read) {
        add(new Step.ReadStep(name, read.getSource(), single(node.getOutputs(), node),
            read.getMaxNumRecords(), read.getMaxReadTime()), List.of());
      } else if (transform instanceof ScriptedStream<?> script) {
        add(new Step.ScriptStep(name, script, single(node.getOutputs(), node)), List.of());
      } else if (transform instanceof ParDo.MultiOutput<?, ?> parDo) {
        PCollection<?> input = single(node.getInputs(), node);
        Map<TupleTag<?>, PCollection<?>> outputs = new LinkedHashMap<>();
        node.getOutputs().forEach((tag, value) -> outputs.put(tag, (PCollection<?>) value));
        add(new Step.ParDoStep(name, parDo, input, outputs), List.of(input));
      } else if (transform instanceof Window.Assign<?> assign) {
        PCollection<?> input = single(node.getInputs(), node);
        add(new Step.AssignStep(name, assign, input, single(node.getOutputs(), node)), List.of(input));
      } else if (transform instanceof GroupByKey<?, ?>) {
        PCollection<?> input = single(node.getInputs(), node);
        add(new Step.GroupByKeyStep(name, input, single(node.getOutputs(), node), null), List.of(input));
      } else if (transform instanceof GroupByKey.WithDroppedLateData<?, ?> withLate) {
        PCollection<?> input = single(node.getInputs(), node);
        PCollection<?> grouped = (PCollection<?>) node.getOutputs().get(withLate.getGroupedTag());
        PCollection<?> late = (PCollection<?>) node.getOutputs().get(withLate.getLateTag());
        Step.GroupByKeyStep grouping = new Step.GroupByKeyStep(name, input, grouped, late);
        add(grouping, List.of(input));
        add(new Step.LateDataStep(name + "/droppedLateData", grouping, late), List.of());
      } else if (transform instanceof Flatten.PCollections<?>) {
        List<PCollection<?>> inputs = new ArrayList<>();
        node.getInputs().values().forEach(v -> inputs.add((PCollection<?>) v));
        add(new Step.FlattenStep(name, inputs, single(node.getOutputs(), node)), inputs);
      } else if (transform instanceof View.CreatePCollectionView<?, ?>) {
        PCollection<?> input = single(node.getInputs(), node);
        PCollectionView<?> view = (PCollectionView<?>) node.getOutputs().values().iterator().next();
        Step.ViewStep step = new Step.ViewStep(name, input, view);
        views.put(view, step);
        add(step, List.of(input));
      } else {
        throw new IllegalArgumentException("The engine cannot execute transform '" + name
            + "': " + transform.getClass().getName() + " is not a primitive it knows. Composite"
            + " transforms must expand into Impulse, Read, ParDo, GroupByKey, Flatten and View.");
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean hasAccumulatorCoder(TransformNode node, Combine.PerKey<?, ?, ?> combine) {
      PCollection<?> input = single(node.getInputs(), node);
      if (!(input.getCoder() instanceof io.runnel.sdk.coders.KvCoder<?, ?> kv)) {
        return false;
      }
      try {
        ((Combine.CombineFn) combine.getFn()).getAccumulatorCoder(
            input.getPipeline().getCoderRegistry(), kv.getValueCoder());
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    private PCollection<?> single(Map<TupleTag<?>, PValue> values, TransformNode node) {
      if (values.size() != 1 || !(values.values().iterator().next() instanceof PCollection<?> pc)) {
        throw new IllegalStateException("Transform '" + node.getFullName()
            + "' should have exactly one PCollection here, has " + values.values());
      }
      return pc;
    }
  }
}
