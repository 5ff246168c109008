package io.runnel.runners.core.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The decoded state cells touched during one bundle, over a {@link StateBackend}: a cell is
 * decoded on first access, then read and changed in place, so reads see the bundle's writes
 * and an append costs no encoding; {@link #flush} encodes the changed cells back into the
 * backend and forgets the rest. Not thread-safe.
 */
public final class BundleStateCache {
  private record Address(StateNamespace namespace, String cellId) {}

  private static final class Cell<R> {
    final R value;
    final CellCodec<R> codec;
    boolean dirty;

    Cell(R value, CellCodec<R> codec) {
      this.value = value;
      this.codec = codec;
    }
  }

  private final StateBackend backend;
  private Map<Address, Cell<?>> cells = new HashMap<>();

  public BundleStateCache(StateBackend backend) {
    this.backend = backend;
  }

  public StateBackend backend() {
    return backend;
  }

  /**
   * The decoded representation of a cell, to read or change in place (then call {@link
   * #changed}); an empty one when the cell is empty.
   */
  @SuppressWarnings("unchecked")
  <R> R get(StateNamespace namespace, String cellId, CellCodec<R> codec) {
    Address address = new Address(namespace, cellId);
    Cell<R> cell = (Cell<R>) cells.get(address);
    if (cell == null) {
      byte[] bytes = backend.read(namespace, cellId);
      cell = new Cell<>(bytes == null ? codec.empty() : codec.decode(bytes), codec);
      cells.put(address, cell);
    }
    return cell.value;
  }

  /** Marks a cell changed, so that {@link #flush} writes it back. */
  void changed(StateNamespace namespace, String cellId) {
    Cell<?> cell = cells.get(new Address(namespace, cellId));
    if (cell != null) {
      cell.dirty = true;
    }
  }

  /** Encodes every changed cell into the backend (empty ones as removed) and empties the cache. */
  public void flush() {
    if (cells.isEmpty()) {
      return;
    }
    for (Map.Entry<Address, Cell<?>> entry : cells.entrySet()) {
      if (entry.getValue().dirty) {
        writeBack(entry.getKey(), entry.getValue());
      }
    }
    // HashMap.clear() keeps the table, and iterating an empty map still walks all of it: after
    // a big bundle, every later flush (one per expired window) would pay for the whole table.
    cells = cells.size() > SMALL ? new HashMap<>() : cells;
    cells.clear();
  }

  private static final int SMALL = 1024;

  private <R> void writeBack(Address address, Cell<R> cell) {
    byte[] bytes = cell.codec.isEmpty(cell.value) ? null : cell.codec.encode(cell.value);
    backend.write(address.namespace(), address.cellId(), bytes);
  }
}
