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
 * @param key the key, encoded with the input's (deterministic) key coder
 * @param window the window, encoded with the window function's window coder
 */
public record StateNamespace(StructuralByteArray key, StructuralByteArray window) {
  public StateNamespace {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
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
