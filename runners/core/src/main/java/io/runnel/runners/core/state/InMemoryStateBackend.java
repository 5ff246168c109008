package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder.StructuralByteArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link StateBackend} in a hash map on the heap, of encoded cells. The snapshot format is a
 * version byte, then per namespace its key, window and cells, each length-prefixed. Not
 * thread-safe.
 */
public final class InMemoryStateBackend implements StateBackend {
  private static final int FORMAT_VERSION = 1;

  /**
   * The cells of one namespace: a handful (one per {@code @StateId}), so two parallel arrays
   * scanned by id beat a hash map per namespace in time and memory.
   */
  private static final class Cells {
    String[] ids = new String[2];
    byte[][] contents = new byte[2][];
    int size;

    int indexOf(String cellId) {
      for (int i = 0; i < size; i++) {
        if (ids[i].equals(cellId)) {
          return i;
        }
      }
      return -1;
    }

    /** Returns whether the cell is new. */
    boolean put(String cellId, byte[] value) {
      int index = indexOf(cellId);
      if (index >= 0) {
        contents[index] = value;
        return false;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        contents = Arrays.copyOf(contents, size * 2);
      }
      ids[size] = cellId;
      contents[size++] = value;
      return true;
    }

    /** Returns whether there was such a cell. */
    boolean remove(String cellId) {
      int index = indexOf(cellId);
      if (index < 0) {
        return false;
      }
      size--;
      ids[index] = ids[size];
      contents[index] = contents[size];
      ids[size] = null;
      contents[size] = null;
      return true;
    }
  }

  private final Map<StateNamespace, Cells> cells = new LinkedHashMap<>();
  private long liveCells;

  @Override
  public byte[] read(StateNamespace namespace, String cellId) {
    Cells ofNamespace = cells.get(namespace);
    if (ofNamespace == null) {
      return null;
    }
    int index = ofNamespace.indexOf(cellId);
    return index < 0 ? null : ofNamespace.contents[index];
  }

  @Override
  public void write(StateNamespace namespace, String cellId, byte[] contents) {
    if (contents == null) {
      Cells ofNamespace = cells.get(namespace);
      if (ofNamespace != null && ofNamespace.remove(cellId)) {
        liveCells--;
        if (ofNamespace.size == 0) {
          cells.remove(namespace);
        }
      }
      return;
    }
    Cells ofNamespace = cells.get(namespace);
    if (ofNamespace == null) {
      ofNamespace = new Cells();
      cells.put(namespace, ofNamespace);
    }
    if (ofNamespace.put(cellId, contents)) {
      liveCells++;
    }
  }

  @Override
  public void clear(StateNamespace namespace) {
    Cells removed = cells.remove(namespace);
    if (removed != null) {
      liveCells -= removed.size;
    }
  }

  @Override
  public void forEachNamespace(Consumer<StateNamespace> action) {
    cells.keySet().forEach(action);
  }

  @Override
  public int liveNamespaces() {
    return cells.size();
  }

  @Override
  public long liveCells() {
    return liveCells;
  }

  @Override
  public byte[] snapshot() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(cells.size());
      for (Map.Entry<StateNamespace, Cells> entry : cells.entrySet()) {
        writeBytes(out, entry.getKey().key().getValue());
        writeBytes(out, entry.getKey().window().getValue());
        Cells ofNamespace = entry.getValue();
        out.writeInt(ofNamespace.size);
        for (int i = 0; i < ofNamespace.size; i++) {
          out.writeUTF(ofNamespace.ids[i]);
          writeBytes(out, ofNamespace.contents[i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void restore(byte[] snapshot) {
    Map<StateNamespace, Cells> restored = new LinkedHashMap<>();
    long restoredCells = 0;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      int version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("Unknown state snapshot format version " + version
            + "; this backend reads version " + FORMAT_VERSION);
      }
      int namespaces = in.readInt();
      for (int i = 0; i < namespaces; i++) {
        StateNamespace namespace = new StateNamespace(new StructuralByteArray(readBytes(in)),
            new StructuralByteArray(readBytes(in)));
        int count = in.readInt();
        Cells ofNamespace = new Cells();
        for (int j = 0; j < count; j++) {
          if (ofNamespace.put(in.readUTF(), readBytes(in))) {
            restoredCells++;
          }
        }
        if (ofNamespace.size > 0) {
          restored.put(namespace, ofNamespace);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Corrupt state snapshot: " + e, e);
    }
    cells.clear();
    cells.putAll(restored);
    liveCells = restoredCells;
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] value = new byte[in.readInt()];
    in.readFully(value);
    return value;
  }
}
