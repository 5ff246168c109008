package io.runnel.runners.core.execution;

import io.runnel.runners.core.GroupOrder;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.DefaultTrigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The stages of a plan: which step roots each stage, which stage produces each collection, the
 * sinks behind every root and view, and when a side input is ready. Built once per run.
 */
final class StageGraph {
  private final ExecutionPlan plan;
  private final List<Stage> stages = new ArrayList<>();
  private final Map<Step, Sink<?>> sinks = new LinkedHashMap<>();
  private final Map<PCollection<?>, Stage> producers = new HashMap<>();
  private final SideInputBuffers sideInputs;

  private final MetricsAggregator metrics;
  private final KeyedShards shards;
  private final Clock clock;
  /** Whether groupings of bounded input may keep their state on the heap (not snapshot). */
  private final boolean batchPaths;
  private final ParallelTasks tasks;
  private final Function<Step.ParDoStep, RootSink<?>> statefulSinks;

  /**
   * @param statefulSinks makes the sink of a stateful ParDo (see {@link StatefulParDoSink}),
   *     given this graph's side inputs once they exist
   */
  StageGraph(ExecutionPlan plan, GroupOrder order, WorkQueue queue, MetricsAggregator metrics,
      KeyedShards shards, ParallelTasks tasks, boolean snapshots, Clock clock,
      BiFunction<StageGraph, Step.ParDoStep, RootSink<?>> statefulSinks) {
    this.plan = plan;
    this.clock = clock;
    this.batchPaths = !snapshots;
    this.shards = shards;
    this.tasks = tasks;
    this.metrics = metrics;
    this.statefulSinks = parDo -> statefulSinks.apply(this, parDo);
    for (Step step : plan.steps()) {
      if (step.isStageRoot()) {
        Stage stage = new Stage(step, stages.size());
        stages.add(stage);
        assignProducers(stage);
      }
    }
    for (Step step : plan.steps()) {
      if (step instanceof Step.ViewStep) {
        sinks.put(step, new BufferSink(StageCoders.of(((Step.ViewStep) step).input())));
      }
    }
    this.sideInputs = new SideInputBuffers(plan, sinks);
    for (Stage stage : stages) {
      if (stage.root() instanceof Step.LateDataStep) {
        FlattenSink lateSink = new FlattenSink();
        lateSink.attach(stage, queue);
        stage.setSink(lateSink);
        sinks.put(stage.root(), lateSink);
      }
    }
    for (Stage stage : stages) {
      RootSink<?> sink = stage.sink() != null ? null : rootSink(stage.root(), order);
      if (sink != null) {
        sink.attach(stage, queue);
        stage.setSink(sink);
        sinks.put(stage.root(), sink);
      }
      for (PCollection<?> input : mainInputs(stage.root())) {
        stage.inputs().add(producerOf(input));
      }
    }
  }

  List<Stage> stages() {
    return stages;
  }

  Map<Step, Sink<?>> sinks() {
    return sinks;
  }

  /** The buffers of the side-input views, in plan order. */
  List<Sink<?>> viewSinks() {
    List<Sink<?>> views = new ArrayList<>();
    for (Step step : plan.steps()) {
      if (step instanceof Step.ViewStep) {
        views.add(sinks.get(step));
      }
    }
    return views;
  }

  SideInputBuffers sideInputs() {
    return sideInputs;
  }

  Stage producerOf(PCollection<?> pc) {
    Stage stage = producers.get(pc);
    if (stage == null) {
      throw new IllegalStateException(pc + " has no producing stage");
    }
    return stage;
  }

  /** Whether every side input of {@code step} is ready for the windows of {@code element}. */
  boolean sideInputsReady(Step.ParDoStep step, WindowedValue<?> element) {
    for (PCollectionView<?> view : step.transform().getSideInputs().values()) {
      Step.ViewStep viewStep = plan.viewStep(view);
      java.time.Instant watermark = producerOf(viewStep.input()).outputWatermark();
      for (BoundedWindow window : element.getWindows()) {
        BoundedWindow sideWindow = sideWindow(view, window);
        if (!watermark.isAfter(sideWindow.maxTimestamp())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The window of {@code view} that an element in {@code mainWindow} reads. */
  static BoundedWindow sideWindow(PCollectionView<?> view, BoundedWindow mainWindow) {
    return view.getWindowMappingFn().getSideInputWindow(mainWindow);
  }

  /** Fails if the run ended with elements still waiting somewhere. */
  void checkFinished() {
    for (Stage stage : stages) {
      if (stage.sink() != null && stage.sink().hold() != null) {
        throw new IllegalStateException("The direct runner finished with elements still held by '"
            + stage.root().name() + "' (hold at " + BoundedWindow.formatTimestamp(stage.sink().hold())
            + "); this is a runner bug");
      }
    }
  }

  private RootSink<?> rootSink(Step root, GroupOrder order) {
    if (root instanceof Step.GroupByKeyStep gbk) {
      return isBatch(gbk.input()) ? new GroupSink(gbk.name(), gbk.input(), order)
          : new TriggeredGroupSink(gbk, gbk.input(), lateSinkOf(gbk), metrics, shards, tasks,
              clock);
    }
    if (root instanceof Step.CombineStep combine) {
      return isBatch(combine.input())
          ? new CombineSink(combine, order, CombineSink.slidingAssignOf(combine, plan))
          : new TriggeredGroupSink(combine, combine.input(), null, metrics, shards, tasks, clock);
    }
    if (root instanceof Step.FlattenStep) {
      return new FlattenSink();
    }
    if (root instanceof Step.ParDoStep parDo && parDo.isStateful()) {
      return statefulSinks.apply(parDo);
    }
    if (root instanceof Step.ParDoStep parDo) {
      return new PushbackSink(element -> sideInputsReady(parDo, element));
    }
    return null;
  }

  /**
   * Whether a grouping can take the batch path: bounded input (its watermark jumps from the
   * start of time to the end) with the default trigger, which fires every window exactly once,
   * on time, at the end. Then values are grouped, or pre-combined per bundle, without the
   * event-time engine; the panes are the same.
   */
  private boolean isBatch(PCollection<?> input) {
    return batchPaths && input.isBounded() == PCollection.IsBounded.BOUNDED
        && input.getWindowingStrategy().getTrigger() instanceof DefaultTrigger;
  }

  /** The sink of the stage emitting {@code gbk}'s dropped late data, or null if not asked for. */
  private FlattenSink lateSinkOf(Step.GroupByKeyStep gbk) {
    for (Stage stage : stages) {
      if (stage.root() instanceof Step.LateDataStep late && late.grouping() == gbk) {
        return (FlattenSink) stage.sink();
      }
    }
    return null;
  }

  private static List<PCollection<?>> mainInputs(Step root) {
    if (root instanceof Step.GroupByKeyStep gbk) {
      return List.of(gbk.input());
    }
    if (root instanceof Step.LateDataStep late) {
      return List.of(late.grouping().input());
    }
    if (root instanceof Step.CombineStep combine) {
      return List.of(combine.input());
    }
    if (root instanceof Step.FlattenStep flatten) {
      return flatten.inputs();
    }
    if (root instanceof Step.ParDoStep parDo) {
      return List.of(parDo.input());
    }
    return List.of();
  }

  /** Records {@code stage} as the producer of its root's outputs and of its fused chain's. */
  private void assignProducers(Stage stage) {
    Step root = stage.root();
    if (root instanceof Step.ParDoStep parDo) {
      parDo.outputs().values().forEach(pc -> assignChain(stage, pc));
    } else {
      assignChain(stage, Stage.outputOf(root));
    }
  }

  private void assignChain(Stage stage, PCollection<?> pc) {
    producers.put(pc, stage);
    for (Step consumer : plan.consumersOf(pc)) {
      if (consumer instanceof Step.ParDoStep parDo && !parDo.isStageRoot()) {
        parDo.outputs().values().forEach(out -> assignChain(stage, out));
      } else if (consumer instanceof Step.AssignStep assign) {
        assignChain(stage, assign.output());
      }
    }
  }
}
