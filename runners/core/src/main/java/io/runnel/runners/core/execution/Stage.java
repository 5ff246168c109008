package io.runnel.runners.core.execution;

import io.runnel.sdk.values.PCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage root and the chain fused behind it, with the watermark of everything the stage
 * produces. Roots: the impulse, a scripted stream, a grouping, a flatten, a ParDo that reads
 * side inputs. Coordinator thread only.
 */
public final class Stage {
  private final Step root;
  private final int index;
  private final List<Stage> inputs = new ArrayList<>();
  private RootSink<?> sink;
  private Instant outputWatermark = io.runnel.windowing.BoundedWindow.TIMESTAMP_MIN_VALUE;

  Stage(Step root, int index) {
    this.root = root;
    this.index = index;
  }

  /** The transform's full name of the stage's root. */
  public String name() {
    return root.name();
  }

  Step root() {
    return root;
  }

  /** Position in topological order: what {@link PipelineExecution#stage(int)} takes. */
  public int index() {
    return index;
  }

  /** The stages producing this root's main inputs. */
  List<Stage> inputs() {
    return inputs;
  }

  /** The root's input side, or null for sources. */
  RootSink<?> sink() {
    return sink;
  }

  void setSink(RootSink<?> rootSink) {
    this.sink = rootSink;
  }

  Instant outputWatermark() {
    return outputWatermark;
  }

  /** Moves the output watermark forward (never back); returns whether it moved. */
  boolean advanceOutputWatermark(Instant watermark) {
    if (watermark.isAfter(outputWatermark)) {
      outputWatermark = watermark;
      return true;
    }
    return false;
  }

  /** The collection a non-ParDo root emits into its chain. */
  static PCollection<?> outputOf(Step root) {
    if (root instanceof Step.ImpulseStep impulse) {
      return impulse.output();
    }
    if (root instanceof Step.ScriptStep script) {
      return script.output();
    }
    if (root instanceof Step.ReadStep read) {
      return read.output();
    }
    if (root instanceof Step.GroupByKeyStep gbk) {
      return gbk.output();
    }
    if (root instanceof Step.CombineStep combine) {
      return combine.output();
    }
    if (root instanceof Step.FlattenStep flatten) {
      return flatten.output();
    }
    if (root instanceof Step.LateDataStep late) {
      return late.output();
    }
    throw new IllegalStateException(root.name() + " does not emit into a chain");
  }

  @Override
  public String toString() {
    return "Stage(" + root.name() + ")";
  }
}
