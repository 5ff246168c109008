package io.runnel.runners.core.state;

import java.util.function.Consumer;

/**
 * Storage of the state of stateful {@code DoFn}s: cells of encoded bytes, addressed by a {@link
 * StateNamespace} (key and window) and a cell id (the {@code @StateId}). The backend sees only
 * bytes, so every implementation can be snapshotted and restored, and a runner hosted in another
 * engine can put the cells in that engine's state.
 *
 * <p>Decoded values are cached per bundle above the backend by {@link BundleStateCache}, which
 * writes changed cells back when the bundle ends. Implementations need not be thread-safe: one
 * thread owns a backend.
 */
public interface StateBackend {
  /** The encoded contents of a cell, or null when the cell is empty. Do not modify the array. */
  byte[] read(StateNamespace namespace, String cellId);

  /** Replaces the contents of a cell; null empties the cell. The backend keeps the array. */
  void write(StateNamespace namespace, String cellId, byte[] contents);

  /** Empties every cell of {@code namespace}: the key's state in the window is gone. */
  void clear(StateNamespace namespace);

  /** Calls {@code action} with every namespace holding at least one cell. */
  void forEachNamespace(Consumer<StateNamespace> action);

  /** How many namespaces (key and window pairs) hold at least one cell. */
  int liveNamespaces();

  /** How many non-empty cells there are, over all namespaces. */
  long liveCells();

  /** Every cell, encoded in one array, for {@link #restore}. */
  byte[] snapshot();

  /** Replaces all contents with those of a {@link #snapshot()}. */
  void restore(byte[] snapshot);
}
