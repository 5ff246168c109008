package io.runnel.runners.core.state;

/**
 * Assigns keys to key groups: a hash of the key's encoded bytes modulo the job's maximum
 * parallelism. State, timers and snapshots are organized by key group, so a runner shards,
 * snapshots and rescales by {@link KeyGroupRange}. The hash depends only on the bytes, so every
 * runner and every JVM places a key in the same group.
 */
public final class KeyGroups {
  /** The maximum parallelism of a job that does not choose one, as in Flink. */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  /** The largest maximum parallelism (Flink's limit too). */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;

  private KeyGroups() {}

  /** The key group of a key encoded as {@code encodedKey}, in {@code [0, maxParallelism)}. */
  public static int keyGroupOf(byte[] encodedKey, int maxParallelism) {
    return Math.floorMod(hash(encodedKey), maxParallelism);
  }

  /**
   * A well-mixed hash of {@code bytes}: FNV-1a over every byte, then Murmur3's finalizer, so keys
   * whose encodings differ in one byte land in unrelated groups.
   */
  public static int hash(byte[] bytes) {
    int h = FNV_OFFSET;
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * FNV_PRIME;
    }
    return finish(h, bytes.length);
  }

  private static int finish(int h, int length) {
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /**
   * An output stream that hashes what a coder writes into it instead of keeping it: the key
   * group of a key without the byte array of its encoding. Gives what {@link #hash} and {@link
   * #keyGroupOf} give for the same bytes. Reusable; owned by one thread.
   */
  public static final class Hasher extends java.io.OutputStream {
    private int h = FNV_OFFSET;
    private int length;

    @Override
    public void write(int b) {
      h = (h ^ (b & 0xFF)) * FNV_PRIME;
      length++;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
      java.util.Objects.checkFromIndexSize(offset, count, bytes.length);
      int hash = h;
      for (int i = offset; i < offset + count; i++) {
        hash = (hash ^ (bytes[i] & 0xFF)) * FNV_PRIME;
      }
      h = hash;
      length += count;
    }

    /** The key group of the bytes written since the last call (or creation), then starts over. */
    public int keyGroupAndReset(int maxParallelism) {
      int group = Math.floorMod(finish(h, length), maxParallelism);
      h = FNV_OFFSET;
      length = 0;
      return group;
    }

    /** Forgets what was written, e.g. after an encoding failed half-way. */
    public void reset() {
      h = FNV_OFFSET;
      length = 0;
    }
  }

  /** Fails unless {@code maxParallelism} is between 1 and {@link #UPPER_BOUND_MAX_PARALLELISM}. */
  public static void checkMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException("The maximum parallelism must be between 1 and "
          + UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
    }
  }
}
