package io.runnel.runners.core.execution;

import io.runnel.runners.core.state.KeyGroupRange;
import io.runnel.runners.core.state.KeyGroups;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import java.io.IOException;
import java.util.List;

/**
 * How a keyed stage input is cut into shards: contiguous key-group ranges, each with its own
 * engine (state backend, timers, DoFn instance), so shards run in parallel and are snapshot by
 * range. The number of shards is the runner's choice ({@link PipelineExecution.Settings}), not
 * its thread count, so outputs (committed in shard order) do not depend on the threads.
 * Immutable.
 */
final class KeyedShards {
  private final int maxParallelism;
  private final List<KeyGroupRange> ranges;
  private final int[] shardOfGroup;

  /** {@code shards} shards over the key groups of {@code maxParallelism}. */
  KeyedShards(int maxParallelism, int shards) {
    if (shards < 1 || shards > maxParallelism) {
      throw new IllegalArgumentException("A keyed step takes between 1 and " + maxParallelism
          + " shards (its key groups), not " + shards);
    }
    this.maxParallelism = maxParallelism;
    this.ranges = KeyGroupRange.all(maxParallelism).split(shards);
    this.shardOfGroup = new int[maxParallelism];
    for (int shard = 0; shard < ranges.size(); shard++) {
      KeyGroupRange range = ranges.get(shard);
      for (int group = range.start(); group <= range.end(); group++) {
        shardOfGroup[group] = shard;
      }
    }
  }

  int count() {
    return ranges.size();
  }

  int maxParallelism() {
    return maxParallelism;
  }

  KeyGroupRange range(int shard) {
    return ranges.get(shard);
  }

  /** {@code key} as a state backend addresses it. */
  <K> io.runnel.runners.core.state.StateKey stateKeyOf(Coder<K> keyCoder, K key) {
    try {
      return io.runnel.runners.core.state.StateKey.ofEncoded(
          CoderUtils.encodeToByteArray(keyCoder, key), maxParallelism);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot encode key '" + TransformFailure.abbreviate(key)
          + "' with " + keyCoder + ": " + e, e);
    }
  }

  /** The shard of a key. */
  int shardOf(io.runnel.runners.core.state.StateKey key) {
    return shardOfGroup[key.keyGroup()];
  }

  /**
   * The shard of {@code key}, by the key group of its encoding with {@code keyCoder}, hashed as
   * it is written into {@code hasher} (the caller's, one per thread).
   */
  <K> int shardOf(Coder<K> keyCoder, K key, KeyGroups.Hasher hasher) {
    try {
      keyCoder.encode(key, hasher);
    } catch (IOException | RuntimeException e) {
      hasher.reset();
      throw new IllegalArgumentException("Cannot encode key '" + TransformFailure.abbreviate(key)
          + "' with " + keyCoder + ": " + e, e);
    }
    return shardOfGroup[hasher.keyGroupAndReset(maxParallelism)];
  }
}
