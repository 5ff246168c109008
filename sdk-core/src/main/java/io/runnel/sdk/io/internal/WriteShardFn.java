package io.runnel.sdk.io.internal;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import java.nio.file.Path;

/**
 * Writes each shard's lines to a temporary file (see {@link TempShardFiles}) and outputs the
 * shard index with the temporary file's path. Nothing is visible under the final names until
 * {@link FinalizeWriteFn} runs.
 */
public final class WriteShardFn extends DoFn<KV<Integer, Iterable<String>>, KV<Integer, String>> {
  private static final long serialVersionUID = 1L;

  private final ShardedFilenames names;
  private final int numShards;
  private final String header;
  private final String footer;
  private transient String jobName;

  public WriteShardFn(ShardedFilenames names, int numShards, String header, String footer) {
    this.names = names;
    this.numShards = numShards;
    this.header = header;
    this.footer = footer;
  }

  @Setup
  public void setup(PipelineOptions options) {
    jobName = options.getJobName();
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<String>> shard, OutputReceiver<KV<Integer, String>> out) {
    int index = shard.getKey();
    Path temp = TempShardFiles.write(TempShardFiles.runDirectory(names, jobName),
        names.fileName(index, numShards), header, shard.getValue(), footer);
    out.output(KV.of(index, temp.toString()));
  }
}
