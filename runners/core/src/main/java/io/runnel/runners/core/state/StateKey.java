package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import java.util.Arrays;

/**
 * A key as state backends and timer services address it: its encoding with the transform's
 * (deterministic) key coder, by which keys compare, and its key group. Immutable; equal when the
 * encodings are.
 */
public final class StateKey {
  private final byte[] bytes;
  private final int hash;
  private final int keyGroup;

  private StateKey(byte[] bytes, int hash, int keyGroup) {
    this.bytes = bytes;
    this.hash = hash;
    this.keyGroup = keyGroup;
  }

  /** The key encoded as {@code bytes} (kept, not copied) in a job of {@code maxParallelism}. */
  public static StateKey ofEncoded(byte[] bytes, int maxParallelism) {
    int hash = KeyGroups.hash(bytes);
    return new StateKey(bytes, hash, Math.floorMod(hash, maxParallelism));
  }

  /** {@code key} encoded with {@code coder}, in a job of {@code maxParallelism}. */
  public static <K> StateKey of(Coder<K> coder, K key, int maxParallelism) {
    try {
      return ofEncoded(CoderUtils.encodeToByteArray(coder, key), maxParallelism);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot encode key '" + key + "' with " + coder + ": "
          + e, e);
    }
  }

  /** The encoded key. Do not modify the array. */
  public byte[] bytes() {
    return bytes;
  }

  /** The key group, in {@code [0, maxParallelism)}. */
  public int keyGroup() {
    return keyGroup;
  }

  /** The key, decoded with {@code coder}. */
  public <K> K decode(Coder<K> coder) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("Cannot decode a state key with " + coder + ": " + e, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof StateKey other && hash == other.hash
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "StateKey{group=" + keyGroup + ", bytes=" + bytes.length + "}";
  }
}
