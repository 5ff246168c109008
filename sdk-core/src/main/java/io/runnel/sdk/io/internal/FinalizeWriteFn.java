package io.runnel.sdk.io.internal;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a write once every shard is written. Its single input element is a trigger; the
 * side input {@value #SHARDS} lists every written shard as (index, temporary path), so the
 * runner only calls it after all shard writers finished. It writes shards that received no
 * lines as empty files (header and footer only), so exactly {@code numShards} files appear;
 * moves each temporary file onto its final name; then deletes the temporary directory.
 */
public final class FinalizeWriteFn extends DoFn<String, Void> {
  /** The side input id of the written shards. */
  public static final String SHARDS = "writtenShards";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FinalizeWriteFn.class);

  private final ShardedFilenames names;
  private final int numShards;
  private final String header;
  private final String footer;
  private transient String jobName;

  public FinalizeWriteFn(ShardedFilenames names, int numShards, String header, String footer) {
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
  public void process(@SideInput(SHARDS) List<KV<Integer, String>> written) {
    Map<Integer, Path> temps = new TreeMap<>();
    for (KV<Integer, String> shard : written) {
      Path previous = temps.putIfAbsent(shard.getKey(), Path.of(shard.getValue()));
      if (previous != null) {
        // A retried bundle wrote this shard twice; both copies are complete, keep the first.
        TempShardFiles.deleteRecursively(Path.of(shard.getValue()));
      }
    }
    Path runDirectory = TempShardFiles.runDirectory(names, jobName);
    for (int shard = 0; shard < numShards; shard++) {
      if (!temps.containsKey(shard)) {
        temps.put(shard, TempShardFiles.write(runDirectory, names.fileName(shard, numShards),
            header, List.of(), footer));
      }
    }
    for (Map.Entry<Integer, Path> shard : temps.entrySet()) {
      TempShardFiles.publish(shard.getValue(), names.path(shard.getKey(), numShards));
    }
    TempShardFiles.deleteRecursively(TempShardFiles.tempRoot(names));
    LOG.info("TextIO.write(): published {} file(s) in {}, first {}", numShards, names.directory(),
        names.fileName(0, numShards));
  }
}
