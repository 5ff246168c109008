package io.runnel.sdk.io.internal;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The names of a sharded output: {@code <prefix><shard template><suffix>}. In the shard name
 * template every run of {@code S} becomes the shard index and every run of {@code N} the number
 * of shards, zero-padded to the run's length (wider numbers are not cut); other characters are
 * kept. With Beam's default template {@code -SSSSS-of-NNNNN}, prefix {@code out/counts} and suffix
 * {@code .txt}, shard 2 of 3 is {@code out/counts-00002-of-00003.txt}.
 *
 * <p>The prefix's directory part is the output directory; a prefix ending in {@code /} names a
 * directory and an empty file-name prefix. Relative prefixes are resolved against the working
 * directory when {@link #directory()} is called. Immutable; no I/O.
 *
 * @param prefix the output prefix as given to {@code TextIO.write().to(...)}
 * @param template the shard name template
 * @param suffix appended to every file name, may be empty
 */
public record ShardedFilenames(String prefix, String template, String suffix) implements Serializable {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the prefix is empty
   */
  public ShardedFilenames {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("output prefix must not be empty: '" + prefix + "'");
    }
    template = template == null ? "" : template;
    suffix = suffix == null ? "" : suffix;
  }

  /** Whether the template gives each shard its own name (it holds an {@code S}). */
  public boolean distinguishesShards() {
    return template.indexOf('S') >= 0;
  }

  /** The absolute, normalized directory the files go to. */
  public Path directory() {
    Path path = Path.of(prefix).toAbsolutePath();
    return (prefix.endsWith("/") ? path : path.getParent()).normalize();
  }

  /** The part of the file name before the shard template; empty for a prefix ending in {@code /}. */
  public String filePrefix() {
    if (prefix.endsWith("/")) {
      return "";
    }
    Path name = Path.of(prefix).getFileName();
    return name == null ? "" : name.toString();
  }

  /** The file name, without directory, of shard {@code shard} of {@code numShards}. */
  public String fileName(int shard, int numShards) {
    return filePrefix() + expandTemplate(template, shard, numShards) + suffix;
  }

  /** The absolute path of shard {@code shard} of {@code numShards}. */
  public Path path(int shard, int numShards) {
    return directory().resolve(fileName(shard, numShards));
  }

  /** {@code template} with its runs of {@code S} and {@code N} replaced, as described above. */
  public static String expandTemplate(String template, int shard, int numShards) {
    StringBuilder out = new StringBuilder(template.length() + 8);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int end = i;
      while (end < template.length() && template.charAt(end) == c) {
        end++;
      }
      if (c == 'S' || c == 'N') {
        String digits = Integer.toString(c == 'S' ? shard : numShards);
        out.append("0".repeat(Math.max(0, (end - i) - digits.length()))).append(digits);
      } else {
        out.append(template, i, end);
      }
      i = end;
    }
    return out.toString();
  }
}
