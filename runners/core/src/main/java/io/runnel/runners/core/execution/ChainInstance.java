package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.MetricUpdates;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.runners.core.metrics.MetricsContainerStepMap;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One runnable copy of a stage's fused chain: its ParDo instances (each with its own DoFn) and
 * the writers into the sinks the chain ends in. Processes one bundle at a time on one thread.
 */
public final class ChainInstance {
  private final ExecutionPlan plan;
  private final Map<Step, Sink<?>> sinks;
  private final PipelineOptions options;
  private final SideInputBuffers sideInputs;
  private final TransformChecks.Factory checks;
  private final List<ParDoExecutor> executors = new ArrayList<>();
  private final List<Sink.Writer<?>> writers = new ArrayList<>();
  private final Receiver entry;

  private final MetricsContainerStepMap metrics = new MetricsContainerStepMap();
  private final MetricsAggregator aggregator;
  private final java.util.function.Consumer<Runnable> afterDurableCommit;
  /** Whether elements cross into other stages as bytes (see {@link #writerFor}). */
  private final boolean portable;

  ChainInstance(Step root, ExecutionPlan plan, Map<Step, Sink<?>> sinks, PipelineOptions options,
      SideInputBuffers sideInputs, TransformChecks.Factory checks, List<ParDoExecutor> created,
      MetricsAggregator aggregator, java.util.function.Consumer<Runnable> afterDurableCommit,
      boolean portable) {
    this.aggregator = aggregator;
    this.afterDurableCommit = afterDurableCommit;
    this.portable = portable;
    this.plan = plan;
    this.sinks = sinks;
    this.options = options;
    this.sideInputs = sideInputs;
    this.checks = checks;
    this.entry = root instanceof Step.ParDoStep parDo
        ? (parDo.isStateful() ? outputsOf(parDo) : executorFor(parDo))
        : receiversFor(Stage.outputOf(root));
    created.addAll(executors);
    for (ParDoExecutor executor : executors) {
      executor.setup();
    }
  }

  /**
   * Pushes a bundle through the chain and returns the commits of what it left in sinks, in the
   * order they must be applied.
   */
  public List<Runnable> process(Iterable<WindowedValue<?>> bundle, BundleTicket ticket) {
    try {
      return processBundle(bundle, ticket);
    } catch (RuntimeException | Error e) {
      // A failed bundle's metrics count as attempted, never as committed.
      aggregator.recordAttempted(metrics.drainUpdates());
      throw e;
    }
  }

  private List<Runnable> processBundle(Iterable<WindowedValue<?>> bundle, BundleTicket ticket) {
    for (Sink.Writer<?> writer : writers) {
      writer.startBundle(ticket);
    }
    for (ParDoExecutor executor : executors) {
      executor.startBundle();
    }
    for (WindowedValue<?> element : bundle) {
      entry.accept(element);
    }
    // Upstream first: a @FinishBundle may output to transforms after it.
    for (ParDoExecutor executor : executors) {
      executor.finishBundle();
    }
    List<Runnable> commits = new ArrayList<>(writers.size());
    for (Sink.Writer<?> writer : writers) {
      Runnable commit = writer.finishBundle();
      if (commit != null) {
        commits.add(commit);
      }
    }
    MetricUpdates updates = metrics.drainUpdates();
    if (!updates.isEmpty()) {
      aggregator.recordAttempted(updates);
      commits.add(() -> aggregator.commit(updates));
    }
    if (bundle instanceof SourceRoot.ReadBundle read) {
      commits.add(read::committed);
    }
    for (ParDoExecutor executor : executors) {
      List<io.runnel.runners.core.BundleCallback> callbacks = executor.takeBundleCallbacks();
      if (!callbacks.isEmpty()) {
        commits.add(() -> afterDurableCommit.accept(
            () -> executor.runBundleCallbacks(callbacks)));
      }
    }
    return commits;
  }

  private Receiver receiversFor(PCollection<?> pc) {
    return receiversFor(pc, null);
  }

  /** The receivers of {@code pc}, but for sinks that bypass {@code assigner} (if not null). */
  private Receiver receiversFor(PCollection<?> pc, Step.AssignStep assigner) {
    List<Receiver> receivers = new ArrayList<>();
    for (Step consumer : plan.consumersOf(pc)) {
      if (assigner != null && sinks.get(consumer) instanceof CombineSink combine
          && combine.bypasses(assigner)) {
        continue;
      }
      if (consumer instanceof Step.ParDoStep parDo && !parDo.isStageRoot()) {
        receivers.add(executorFor(parDo));
      } else if (consumer instanceof Step.AssignStep assign) {
        receivers.addAll(receiversAround(assign));
      } else {
        receivers.add(writerFor(consumer, pc));
      }
    }
    return Receiver.fanOut(receivers);
  }

  /** The entry of a stateful ParDo's stage: its sink emits tagged outputs, routed here. */
  private Receiver outputsOf(Step.ParDoStep step) {
    Map<TupleTag<?>, Receiver> outputs = new LinkedHashMap<>();
    step.outputs().forEach((tag, pc) -> outputs.put(tag, receiversFor(pc)));
    return TaggedOutput.router(outputs);
  }

  /**
   * The receivers of what {@code assign} consumes: the step itself, unless only sinks that
   * bypass it read its output, and those sinks, which take its input unassigned.
   */
  private List<Receiver> receiversAround(Step.AssignStep assign) {
    List<Receiver> receivers = new ArrayList<>();
    boolean assigned = false;
    for (Step consumer : plan.consumersOf(assign.output())) {
      if (sinks.get(consumer) instanceof CombineSink combine && combine.bypasses(assign)) {
        receivers.add(writerFor(consumer, assign.input()));
      } else {
        assigned = true;
      }
    }
    if (assigned) {
      Receiver downstream = receiversFor(assign.output(), assign);
      receivers.add(0, new AssignWindowsExecutor(assign, downstream));
    }
    return receivers;
  }

  /**
   * The receiving end of {@code consumer}'s input, which reads elements of {@code pc}. In
   * portable mode each element crosses as bytes: encoded with its collection's windowed-value
   * coder and decoded again, as it would travel to a remote worker.
   */
  private Receiver writerFor(Step consumer, PCollection<?> pc) {
    Sink.Writer<?> writer = sinks.get(consumer).writer();
    writers.add(writer);
    if (!portable) {
      return writer;
    }
    io.runnel.sdk.coders.Coder<WindowedValue<?>> coder = StageCoders.of(pc);
    return value -> writer.accept(SnapshotStreams.decode(coder,
        SnapshotStreams.encode(coder, value)));
  }

  private ParDoExecutor executorFor(Step.ParDoStep step) {
    Map<TupleTag<?>, Receiver> outputs = new LinkedHashMap<>();
    // Registered before its consumers so that executors are in topological order.
    int position = executors.size();
    executors.add(null);
    step.outputs().forEach((tag, pc) -> outputs.put(tag, receiversFor(pc)));
    ParDoExecutor executor = new ParDoExecutor(step, options, sideInputs, outputs, checks,
        metrics.getContainer(step.name()));
    executors.set(position, executor);
    return executor;
  }
}
