package io.runnel.runners.core.execution;

import io.runnel.runners.core.PaneContents;
import io.runnel.runners.core.UserCodeException;
import io.runnel.runners.core.WindowedGrouping;
import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.metrics.MetricUpdates;
import io.runnel.runners.core.metrics.MetricsAggregator;
import io.runnel.runners.core.state.InMemoryStateBackend;
import io.runnel.runners.core.state.InMemoryTimerService;
import io.runnel.runners.core.state.StateKey;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.metrics.MetricKey;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A GroupByKey or Combine.perKey run by the shared event-time engine ({@link WindowedGrouping}):
 * triggers, panes, late data, watermark holds, its state in a state backend. The keys are cut
 * into {@link KeyedShards}, each with its own engine over its key-group range, run in parallel
 * by the runner's {@link ParallelTasks}. Bundles sort their elements by shard as they come; each
 * commit hands a shard its part as one bundle (triggers are evaluated per bundle, as in Beam),
 * and time moves every shard's timers. What the shards emit is queued for the stage in shard
 * order, so the output does not depend on the threads.
 */
final class TriggeredGroupSink extends RootSink<TriggeredGroupSink.Local> {
  /** One bundle's elements by shard, with their keys as the shards' backends address them. */
  static final class Local {
    final List<WindowedValue<?>>[] byShard;
    final List<StateKey>[] keysByShard;

    @SuppressWarnings("unchecked")
    Local(int shards) {
      this.byShard = new List[shards];
      this.keysByShard = new List[shards];
    }
  }

  /** One shard: its engine, and what it emitted since the last flush. */
  private final class Shard {
    final WindowedGrouping<Object, Object, Object> engine;
    List<WindowedValue<?>> emitted = new ArrayList<>();
    List<WindowedValue<?>> dropped = new ArrayList<>();

    Shard(int index) {
      this.engine = new WindowedGrouping<>(name, input.getWindowingStrategy(), keyCoder,
          contents.get(), emitted -> this.emitted.add(emitted), this::onDropped,
          new InMemoryStateBackend(shards.maxParallelism(), shards.range(index)),
          new InMemoryTimerService(shards.maxParallelism(), shards.range(index)));
    }

    private void onDropped(WindowedValue<?> element) {
      if (lateSink != null) {
        dropped.add(WindowedValue.timestampedValueInGlobalWindow(element.getValue(),
            element.getTimestamp()));
      }
    }
  }

  private final String name;
  private final Clock clock;
  private final PCollection<?> input;
  private final Coder<Object> keyCoder;
  private final Supplier<PaneContents<Object, Object>> contents;
  private final FlattenSink lateSink;
  private final KeyedShards shards;
  private final ParallelTasks tasks;
  private final Shard[] engines;
  private Instant inputWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant processingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private final MetricsAggregator metrics;
  private final MetricKey droppedKey;
  private long reportedDropped;

  @SuppressWarnings("unchecked")
  TriggeredGroupSink(Step root, PCollection<?> input, FlattenSink lateSink,
      MetricsAggregator metrics, KeyedShards shards, ParallelTasks tasks, Clock clock) {
    this.name = root.name();
    this.clock = clock;
    this.input = input;
    this.lateSink = lateSink;
    this.metrics = metrics;
    this.shards = shards;
    this.tasks = tasks;
    this.engines = new TriggeredGroupSink.Shard[shards.count()];
    this.droppedKey = MetricKey.create(name, GroupByKey.DROPPED_DUE_TO_LATENESS);
    this.keyCoder = ((KvCoder<Object, Object>) input.getCoder()).getKeyCoder();
    this.contents = () -> contentsFor(root);
  }

  @Override
  Supplier<Local> localFactory() {
    return () -> new Local(shards.count());
  }

  @Override
  @SuppressWarnings("unchecked")
  void add(Local local, WindowedValue<?> value) {
    StateKey key;
    try {
      key = shards.stateKeyOf(keyCoder, ((KV<Object, Object>) value.getValue()).getKey());
    } catch (IllegalArgumentException e) {
      throw new TransformFailure(name, "grouping (key coder " + keyCoder + ")", value.getValue(),
          e);
    }
    int shard = shards.shardOf(key);
    List<WindowedValue<?>> part = local.byShard[shard];
    if (part == null) {
      part = new ArrayList<>();
      local.byShard[shard] = part;
      local.keysByShard[shard] = new ArrayList<>();
    }
    part.add(value);
    local.keysByShard[shard].add(key);
  }

  /**
   * Hands each shard its part of a committed bundle as one bundle (triggers are evaluated per
   * bundle, as in Beam), the shards in parallel.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  void commit(Local local) {
    // In real time the elements arrive now: a processing-time trigger counts from here.
    Instant now = clock.now();
    if (now.isAfter(processingTime)) {
      processingTime = now;
    }
    List<Runnable> work = new ArrayList<>();
    for (int i = 0; i < local.byShard.length; i++) {
      List<WindowedValue<?>> part = local.byShard[i];
      List<StateKey> keys = local.keysByShard[i];
      if (part != null) {
        Shard shard = shard(i);
        work.add(() -> call("grouping", () ->
            shard.engine.processBundle((List) part, keys, inputWatermark, processingTime)));
      }
    }
    tasks.runAll(work);
    flush();
  }

  @Override
  void advance(Instant newInputWatermark, Instant newProcessingTime) {
    if (newInputWatermark.isAfter(inputWatermark)) {
      inputWatermark = newInputWatermark;
    }
    if (newProcessingTime.isAfter(processingTime)) {
      processingTime = newProcessingTime;
    }
    Instant[] holds = new Instant[engines.length];
    for (int i = 0; i < engines.length; i++) {
      // Only a hold before the input watermark keeps a shard's output watermark back.
      holds[i] = engines[i] == null ? null
          : engines[i].engine.watermarkHoldBefore(inputWatermark);
    }
    List<Runnable> work = new ArrayList<>();
    for (int i = 0; i < engines.length; i++) {
      Shard shard = engines[i];
      if (shard == null) {
        continue;
      }
      // Every shard labels panes against the transform's output watermark, which the other
      // shards' holds keep back too.
      shard.engine.setExternalHold(earliestExcept(holds, i));
      work.add(() -> call("firing panes",
          () -> shard.engine.advanceTime(inputWatermark, processingTime)));
    }
    tasks.runAll(work);
    flush();
  }

  @Override
  byte[] snapshotState() {
    SnapshotStreams.Out out = new SnapshotStreams.Out().writeInstant(inputWatermark)
        .writeInstant(processingTime).writeInt(engines.length);
    for (Shard shard : engines) {
      out.writeBytes(shard == null ? null : shard.engine.snapshot());
    }
    return out.toByteArray();
  }

  @Override
  void restoreState(byte[] state) {
    SnapshotStreams.In in = new SnapshotStreams.In(state);
    inputWatermark = in.readInstant();
    processingTime = in.readInstant();
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      byte[] shardState = in.readBytes();
      if (shardState != null) {
        Shard shard = new Shard(i);
        shard.engine.restore(shardState);
        engines[i] = shard;
      }
    }
  }

  @Override
  Instant hold() {
    Instant hold = null;
    for (Shard shard : engines) {
      Instant shardHold = shard == null ? null : shard.engine.watermarkHold();
      if (shardHold != null && (hold == null || shardHold.isBefore(hold))) {
        hold = shardHold;
      }
    }
    return hold;
  }

  @Override
  Instant holdBefore(Instant limit) {
    Instant hold = null;
    for (Shard shard : engines) {
      Instant shardHold = shard == null ? null : shard.engine.watermarkHoldBefore(limit);
      if (shardHold != null && (hold == null || shardHold.isBefore(hold))) {
        hold = shardHold;
      }
    }
    return hold;
  }

  /**
   * The shard at {@code index}, made on first use with the transform's output watermark so far
   * (its panes and holds are judged against it, as the other shards' are).
   */
  @Override
  Instant nextProcessingTimeTimer() {
    Instant next = null;
    for (Shard shard : engines) {
      Instant due = shard == null ? null : shard.engine.nextProcessingTimeTimer();
      if (due != null && (next == null || due.isBefore(next))) {
        next = due;
      }
    }
    return next;
  }

  private Shard shard(int index) {
    if (engines[index] == null) {
      Instant othersHold = hold();
      Shard shard = new Shard(index);
      shard.engine.setExternalHold(othersHold);
      shard.engine.advanceTime(inputWatermark, processingTime);
      engines[index] = shard;
    }
    return engines[index];
  }

  private void call(String what, Runnable body) {
    try {
      body.run();
    } catch (UserCodeException e) {
      throw new TransformFailure(name, what, null, e.getCause());
    }
  }

  private static Instant earliestExcept(Instant[] holds, int except) {
    Instant earliest = null;
    for (int i = 0; i < holds.length; i++) {
      if (i != except && holds[i] != null && (earliest == null || holds[i].isBefore(earliest))) {
        earliest = holds[i];
      }
    }
    return earliest;
  }

  private void flush() {
    long droppedNow = 0;
    List<WindowedValue<?>> late = new ArrayList<>();
    List<WindowedValue<?>> panes = new ArrayList<>();
    for (Shard shard : engines) {
      if (shard == null) {
        continue;
      }
      droppedNow += shard.engine.droppedDueToLateness() + shard.engine.droppedDueToClosedWindow();
      late.addAll(shard.dropped);
      shard.dropped = new ArrayList<>();
      panes.addAll(shard.emitted);
      shard.emitted = new ArrayList<>();
    }
    if (droppedNow > reportedDropped) {
      MetricUpdates updates = MetricUpdates.of(Map.of(droppedKey, droppedNow - reportedDropped),
          Map.of(), Map.of());
      reportedDropped = droppedNow;
      metrics.recordAttempted(updates);
      metrics.commit(updates);
    }
    if (!late.isEmpty()) {
      lateSink.emit(late);
    }
    if (!panes.isEmpty()) {
      queue().enqueue(stage(), panes, true);
    }
  }

  /** The pane contents of one shard, with its own copy of a CombineFn. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PaneContents<Object, Object> contentsFor(Step root) {
    if (root instanceof Step.CombineStep combine) {
      Combine.CombineFn<Object, Object, Object> fn = (Combine.CombineFn<Object, Object, Object>)
          JavaSerialization.clone(combine.transform().getFn(), "CombineFn of " + combine.name());
      KvCoder<Object, Object> input = (KvCoder<Object, Object>) combine.input().getCoder();
      Coder<Object> accumulatorCoder;
      try {
        accumulatorCoder = fn.getAccumulatorCoder(combine.input().getPipeline().getCoderRegistry(),
            input.getValueCoder());
      } catch (Exception e) {
        // Only snapshots need it; without one the state cannot be snapshot.
        accumulatorCoder = null;
      }
      return PaneContents.combining(fn, accumulatorCoder);
    }
    Step.GroupByKeyStep gbk = (Step.GroupByKeyStep) root;
    KvCoder<Object, Object> input = (KvCoder<Object, Object>) gbk.input().getCoder();
    return (PaneContents) PaneContents.buffering(input.getValueCoder());
  }
}
