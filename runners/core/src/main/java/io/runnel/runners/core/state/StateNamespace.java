package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import java.util.Arrays;

/**
 * Where, within one key, state and timers live: a window, in encoded form (windows compare by
 * encoding, and a snapshot writes the bytes as they are), or {@link #KEY}, the key itself
 * outside any window (for bookkeeping such as a key's active merging windows). Immutable.
 */
public final class StateNamespace {
  /** The key's own namespace, outside any window. */
  public static final StateNamespace KEY = new StateNamespace(null, 0x4B4559);

  private final byte[] window;
  private final int hash;
  /** The decoded window, when this namespace was made from one; not part of its identity. */
  private final transient Object decoded;

  private StateNamespace(byte[] window, int hash) {
    this.window = window;
    this.hash = hash;
    this.decoded = null;
  }

  private StateNamespace(byte[] window, Object decoded) {
    this.window = window;
    this.hash = KeyGroups.hash(window);
    this.decoded = decoded;
  }

  /** The namespace of {@code window}, encoded with {@code coder}. */
  public static <W> StateNamespace window(Coder<W> coder, W window) {
    try {
      return new StateNamespace(CoderUtils.encodeToByteArray(coder, window), window);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot encode window " + window + " with " + coder
          + ": " + e, e);
    }
  }

  /** The namespace of a window encoded as {@code bytes} (kept, not copied). */
  public static StateNamespace ofEncodedWindow(byte[] bytes) {
    return new StateNamespace(bytes, (Object) null);
  }

  /** Whether this is {@link #KEY}. */
  public boolean isKey() {
    return window == null;
  }

  /** The encoded window; null for {@link #KEY}. Do not modify the array. */
  public byte[] windowBytes() {
    return window;
  }

  /** The window, decoded with {@code coder} (or as it was given). */
  @SuppressWarnings("unchecked")
  public <W> W decodeWindow(Coder<W> coder) {
    if (window == null) {
      throw new IllegalStateException("The key's own namespace has no window");
    }
    if (decoded != null) {
      return (W) decoded;
    }
    try {
      return CoderUtils.decodeFromByteArray(coder, window);
    } catch (CoderException e) {
      throw new IllegalStateException("Cannot decode a window with " + coder + ": " + e, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof StateNamespace other && hash == other.hash
        && Arrays.equals(window, other.window);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return window == null ? "StateNamespace{KEY}"
        : "StateNamespace{" + (decoded != null ? decoded : "window bytes[" + window.length + "]")
            + "}";
  }
}
