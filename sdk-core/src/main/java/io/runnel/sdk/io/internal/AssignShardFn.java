package io.runnel.sdk.io.internal;

import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;

/**
 * Keys each line by its shard: {@code floorMod(line.hashCode(), numShards)}. {@link
 * String#hashCode()} is specified by the JDK, so the assignment is the same on every run, runner
 * and JVM; equal lines always share a shard.
 */
public final class AssignShardFn extends DoFn<String, KV<Integer, String>> {
  private static final long serialVersionUID = 1L;

  private final int numShards;

  public AssignShardFn(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be positive: " + numShards);
    }
    this.numShards = numShards;
  }

  /** The shard of {@code line} among {@code numShards}. */
  public static int shardOf(String line, int numShards) {
    return Math.floorMod(line.hashCode(), numShards);
  }

  @ProcessElement
  public void process(@Element String line, OutputReceiver<KV<Integer, String>> out) {
    out.output(KV.of(shardOf(line, numShards), line));
  }
}
