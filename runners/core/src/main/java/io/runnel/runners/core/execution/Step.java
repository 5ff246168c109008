package io.runnel.runners.core.execution;

import io.runnel.sdk.runners.ScriptedStream;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.internal.DoFnSignature;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import java.util.List;
import java.util.Map;

/** One executable primitive of a pipeline, as the direct runner plans it. */
sealed interface Step {
  /** The transform's full name, for errors. */
  String name();

  /** Whether this step starts a stage: its input is buffered rather than pushed to it. */
  boolean isStageRoot();

  /** The root: one empty byte array. */
  record ImpulseStep(String name, PCollection<byte[]> output) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }
  }

  /**
   * A source read: a {@link io.runnel.sdk.io.BoundedSource} or an {@link
   * io.runnel.sdk.io.UnboundedSource}, the latter read whole or, with {@code maxNumRecords} (at
   * most that many, over all splits) or {@code maxReadTime} (per split; null for no limit), as
   * a bounded collection.
   */
  record ReadStep(String name, io.runnel.sdk.io.Source<?> source, PCollection<?> output,
      long maxNumRecords, java.time.Duration maxReadTime) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }

    /** Whether the source is unbounded (read with or without limits). */
    public boolean isUnbounded() {
      return source instanceof io.runnel.sdk.io.UnboundedSource<?, ?>;
    }
  }

  /** A scripted source ({@code TestStream}): replays elements, watermark and time advances. */
  record ScriptStep(String name, ScriptedStream<?> script, PCollection<?> output) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }
  }

  /** A DoFn over each element; a stage root when it reads side inputs or is stateful. */
  record ParDoStep(String name, ParDo.MultiOutput<?, ?> transform, PCollection<?> input,
      Map<TupleTag<?>, PCollection<?>> outputs) implements Step {
    @Override
    public boolean isStageRoot() {
      return !transform.getSideInputs().isEmpty() || isStateful();
    }

    /** Whether the DoFn uses state or timers: then its sink runs it, on the coordinator. */
    public boolean isStateful() {
      return DoFnSignature.of(transform.getFn().getClass()).isStateful();
    }
  }

  /** Re-assigns each element's windows; fused into its producer's chain. */
  record AssignStep(String name, Window.Assign<?> transform, PCollection<?> input,
      PCollection<?> output) implements Step {
    @Override
    public boolean isStageRoot() {
      return false;
    }
  }

  /**
   * Groups its input and emits panes as its trigger fires; {@code lateOutput}, when not null,
   * receives the elements it drops as late.
   */
  record GroupByKeyStep(String name, PCollection<?> input, PCollection<?> output,
      PCollection<?> lateOutput) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }
  }

  /** Emits the elements a grouping dropped as late, for {@code GroupByKey.withDroppedLateData}. */
  record LateDataStep(String name, GroupByKeyStep grouping, PCollection<?> output) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }
  }

  /** A lifted Combine.perKey: accumulates per key, emits once its input is complete. */
  record CombineStep(String name, Combine.PerKey<?, ?, ?> transform, PCollection<?> input,
      PCollection<?> output) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }
  }

  /** Buffers all of its inputs, emits them once they are complete. */
  record FlattenStep(String name, List<PCollection<?>> inputs, PCollection<?> output) implements Step {
    @Override
    public boolean isStageRoot() {
      return true;
    }
  }

  /** Buffers its input as the contents of a side-input view. */
  record ViewStep(String name, PCollection<?> input, PCollectionView<?> view) implements Step {
    @Override
    public boolean isStageRoot() {
      return false;
    }
  }
}
