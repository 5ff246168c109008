package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.Coder.StructuralByteArray;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import java.util.Objects;

/**
 * Where a stateful {@code DoFn}'s state and timers live: one key in one window, both in encoded
 * form, so namespaces compare by encoding (as Beam compares keys) and can be written to a
 * snapshot as they are. Immutable; equal when both encodings are equal.
 *
 * <p>The hash mixes every byte (FNV-1a, then a finalizer): {@code Arrays.hashCode} of short
 * encodings such as small var-ints collides so often that hash tables of many keys degrade.
 */
public final class StateNamespace {
  private final StructuralByteArray key;
  private final StructuralByteArray window;
  private final int hash;

  /**
   * @param key the key, encoded with the input's (deterministic) key coder
   * @param window the window, encoded with the window function's window coder
   */
  public StateNamespace(StructuralByteArray key, StructuralByteArray window) {
    this.key = Objects.requireNonNull(key, "key");
    this.window = Objects.requireNonNull(window, "window");
    this.hash = mix(window.getValue(), mix(key.getValue(), 0x811C9DC5));
  }

  public StructuralByteArray key() {
    return key;
  }

  public StructuralByteArray window() {
    return window;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof StateNamespace other && hash == other.hash && key.equals(other.key)
        && window.equals(other.window);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "StateNamespace{key=" + key + ", window=" + window + "}";
  }

  private static int mix(byte[] bytes, int seed) {
    int h = seed;
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * 0x01000193;
    }
    h ^= bytes.length;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** The namespace of {@code key} in {@code window}, encoded with the given coders. */
  public static <K, W> StateNamespace of(Coder<K> keyCoder, K key, Coder<W> windowCoder, W window) {
    return new StateNamespace(new StructuralByteArray(encode(keyCoder, key)),
        new StructuralByteArray(encode(windowCoder, window)));
  }

  /** The key, decoded with {@code keyCoder}. */
  public <K> K decodeKey(Coder<K> keyCoder) {
    return decode(keyCoder, key.getValue());
  }

  /** The window, decoded with {@code windowCoder}. */
  public <W> W decodeWindow(Coder<W> windowCoder) {
    return decode(windowCoder, window.getValue());
  }

  static <T> byte[] encode(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot encode '" + value + "' with " + coder + ": " + e, e);
    }
  }

  static <T> T decode(Coder<T> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("Cannot decode state with " + coder + ": " + e, e);
    }
  }
}
