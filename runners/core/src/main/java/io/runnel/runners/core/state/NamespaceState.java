package io.runnel.runners.core.state;

/**
 * One key in one namespace as a {@link BundleStateCache} holds it during a bundle: the decoded
 * cells, by the index the cache gave each cell id, and which of them changed. A runner keeps one
 * per live (key, namespace) pair, extending this class with its own bookkeeping, and hands it to
 * the live state objects, so that a state access is an array index, not a hash lookup. Not
 * thread-safe.
 */
public class NamespaceState {
  private final StateKey key;
  private final StateNamespace namespace;
  /** The cells of the bundle {@link #bundle}, decoded on first access; null until then. */
  Object[] cells;
  boolean[] changed;
  /** The bundle the cells belong to; cells of any other bundle are stale. */
  long bundle = -1;
  /** Where the backend keeps this pair's cells, as the backend last told it; null if unknown. */
  Object backendCells;

  public NamespaceState(StateKey key, StateNamespace namespace) {
    this.key = key;
    this.namespace = namespace;
  }

  public final StateKey stateKey() {
    return key;
  }

  public final StateNamespace namespace() {
    return namespace;
  }
}
