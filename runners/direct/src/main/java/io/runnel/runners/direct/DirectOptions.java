package io.runnel.runners.direct;

import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.DefaultValueFactory;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;

/** Options of the direct runner; Beam's names where Beam has the option. */
public interface DirectOptions extends PipelineOptions {
  @Description("Threads that process bundles. Results commit in a fixed order, so outputs do not"
      + " depend on this number. Defaults to the number of available cores.")
  @Default.InstanceFactory(AvailableProcessors.class)
  int getDirectParallelism();

  void setDirectParallelism(int threads);

  @Description("Seed that shuffles bundle boundaries, grouped output order and the order of values"
      + " in each group (all left open by the model), to expose order-dependent code. The same"
      + " seed gives the same run. Unset: arrival order.")
  Long getDirectSeed();

  void setDirectSeed(Long seed);

  @Description("Fail the run when a DoFn mutates its input or an element it already output.")
  @Default.Boolean(true)
  boolean isEnforceImmutability();

  void setEnforceImmutability(boolean enforce);

  @Description("Check that every output element survives a round trip through its coder.")
  @Default.Boolean(true)
  boolean isEnforceEncodability();

  void setEnforceEncodability(boolean enforce);

  @Description("Target number of elements per bundle.")
  @Default.Integer(1024)
  int getDirectBundleSize();

  void setDirectBundleSize(int size);

  @Description("Whether run() waits until the pipeline finishes (Beam's option). With false,"
      + " run() returns at once and the pipeline runs on a thread of its own; use the result's"
      + " waitUntilFinish() or cancel(). A pipeline reading an unbounded source runs until its"
      + " sources end or it is cancelled.")
  @Default.Boolean(true)
  boolean isBlockOnRun();

  void setBlockOnRun(boolean block);

  @Description("A split of an unbounded source that brings no data for this long stops holding"
      + " the source's watermark back, until data returns (e.g. 30s). Unset: splits never go"
      + " idle (a source may still advance its own watermark while idle).")
  java.time.Duration getSourceIdleTimeout();

  void setSourceIdleTimeout(java.time.Duration timeout);

  @Description("The most elements one bundle read from a split of an unbounded source holds"
      + " (it also ends after --directReadBundleTime). Unset: 8 times --directBundleSize, so that"
      + " a fast source's elements reach keyed steps in batches worth sharding.")
  Integer getDirectReadBundleSize();

  void setDirectReadBundleSize(Integer size);

  @Description("Key-group shards of each keyed step (stateful ParDo, triggered or unbounded"
      + " grouping): each has its own state, timers and DoFn instance, and at most this many"
      + " threads run one keyed step at once. Outputs depend on this number, not on"
      + " --directParallelism. Between 1 and 128 (the key groups).")
  @Default.Integer(io.runnel.runners.core.execution.PipelineExecution.DEFAULT_KEYED_SHARDS)
  int getDirectKeyedShards();

  void setDirectKeyedShards(int shards);

  @Description("The longest one bundle read from a split of an unbounded source takes before it"
      + " is handed on (at most --directReadBundleSize elements either way).")
  @Default.String("200ms")
  java.time.Duration getDirectReadBundleTime();

  void setDirectReadBundleTime(java.time.Duration time);

  @Description("Snapshot the whole engine after every committed bundle (state, timers, holds,"
      + " watermarks, source checkpoint marks, pushed-back elements, side-input buffers, queued"
      + " bundles), throw it away with its DoFn instances, restore a new one from the bytes and go"
      + " on. For tests: a DoFn that keeps state in its fields instead of state cells breaks here,"
      + " not in production. Slow; one bundle at a time.")
  @Default.Boolean(false)
  boolean isCheckpointEveryBundle();

  void setCheckpointEveryBundle(boolean checkpoint);

  @Description("Pass every element that crosses from one stage to another through bytes, with"
      + " its collection's coder and windowed-value coder, as a remote worker will; and run the"
      + " pipeline as rebuilt from its portable (protobuf) form.")
  @Default.Boolean(false)
  boolean isDirectPortable();

  void setDirectPortable(boolean portable);

  /** The number of available processors. */
  final class AvailableProcessors implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
