package io.runnel.runners.core.state;

import io.runnel.sdk.coders.ByteArrayCoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoded state cells touched during one bundle, over a {@link StateBackend}: a cell is
 * decoded on first access in the bundle, then read and changed in place, so reads see the
 * bundle's writes and an append costs no encoding; {@link #flush} encodes the changed cells back
 * into the backend and forgets the rest. The cells live in the {@link NamespaceState}s the
 * runner passes in, so an access costs no lookup beyond the runner's own. Each cell is one value
 * cell of encoded bytes in the backend, named by its cell id. Not thread-safe.
 */
public final class BundleStateCache {
  private final StateBackend backend;
  private final List<String> cellIds = new ArrayList<>();
  private final List<StateTag.Value<byte[]>> tags = new ArrayList<>();
  private final List<CellCodec<?>> codecs = new ArrayList<>();
  /** The namespaces whose cells belong to the current bundle, in first-access order. */
  private ArrayList<NamespaceState> touched = new ArrayList<>();
  private long bundle;

  public BundleStateCache(StateBackend backend) {
    this.backend = backend;
  }

  public StateBackend backend() {
    return backend;
  }

  /** Registers a cell id with its codec; returns the index live state uses to reach it. */
  int register(String cellId, CellCodec<?> codec) {
    if (cellIds.contains(cellId)) {
      throw new IllegalArgumentException("State cell '" + cellId + "' is registered twice");
    }
    cellIds.add(cellId);
    tags.add(new StateTag.Value<>(cellId, ByteArrayCoder.of()));
    codecs.add(codec);
    return cellIds.size() - 1;
  }

  /**
   * The decoded representation of cell {@code index} of {@code at}, to read or change in place
   * (then call {@link #changed}); an empty one when the cell is empty.
   */
  @SuppressWarnings("unchecked")
  <R> R get(NamespaceState at, int index) {
    if (at.bundle != bundle) {
      open(at);
    }
    Object value = at.cells[index];
    if (value == null) {
      CellCodec<R> codec = (CellCodec<R>) codecs.get(index);
      byte[] bytes = backend.readValue(at, tags.get(index));
      value = bytes == null ? codec.empty() : codec.decode(bytes);
      at.cells[index] = value;
    }
    return (R) value;
  }

  /** Marks a cell changed (after {@link #get}), so that {@link #flush} writes it back. */
  void changed(NamespaceState at, int index) {
    at.changed[index] = true;
  }

  private void open(NamespaceState at) {
    // Arrays left by an earlier bundle come back cleared by flush.
    if (at.cells == null || at.cells.length != cellIds.size()) {
      at.cells = new Object[cellIds.size()];
      at.changed = new boolean[cellIds.size()];
    }
    at.bundle = bundle;
    touched.add(at);
  }

  /**
   * Encodes every changed cell into the backend (empty ones as removed) and empties the cache:
   * the next access of any namespace decodes its cell again.
   */
  public void flush() {
    if (touched.isEmpty()) {
      return;
    }
    for (NamespaceState at : touched) {
      if (at.bundle == bundle) {
        for (int i = 0; i < at.cells.length; i++) {
          if (at.changed[i]) {
            writeBack(at, i);
            at.changed[i] = false;
          }
          at.cells[i] = null;
        }
        at.bundle = -1;
      }
    }
    // A cleared list keeps its array; after a large bundle, let it go.
    touched = touched.size() > SMALL ? new ArrayList<>() : touched;
    touched.clear();
    bundle++;
  }

  /** Forgets the cached cells of {@code at} without writing them back (its state is dropped). */
  public void discard(NamespaceState at) {
    at.cells = null;
    at.changed = null;
    at.bundle = -1;
  }

  private static final int SMALL = 1024;

  @SuppressWarnings("unchecked")
  private <R> void writeBack(NamespaceState at, int index) {
    CellCodec<R> codec = (CellCodec<R>) codecs.get(index);
    R value = (R) at.cells[index];
    byte[] bytes = codec.isEmpty(value) ? null : codec.encode(value);
    backend.writeValue(at, tags.get(index), bytes);
  }
}
