package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder.StructuralByteArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
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

  private final Map<StateNamespace, Map<String, byte[]>> cells = new LinkedHashMap<>();
  private long liveCells;

  @Override
  public byte[] read(StateNamespace namespace, String cellId) {
    Map<String, byte[]> ofNamespace = cells.get(namespace);
    return ofNamespace == null ? null : ofNamespace.get(cellId);
  }

  @Override
  public void write(StateNamespace namespace, String cellId, byte[] contents) {
    if (contents == null) {
      Map<String, byte[]> ofNamespace = cells.get(namespace);
      if (ofNamespace != null && ofNamespace.remove(cellId) != null) {
        liveCells--;
        if (ofNamespace.isEmpty()) {
          cells.remove(namespace);
        }
      }
      return;
    }
    if (cells.computeIfAbsent(namespace, n -> new HashMap<>()).put(cellId, contents) == null) {
      liveCells++;
    }
  }

  @Override
  public void clear(StateNamespace namespace) {
    Map<String, byte[]> removed = cells.remove(namespace);
    if (removed != null) {
      liveCells -= removed.size();
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
      for (Map.Entry<StateNamespace, Map<String, byte[]>> entry : cells.entrySet()) {
        writeBytes(out, entry.getKey().key().getValue());
        writeBytes(out, entry.getKey().window().getValue());
        out.writeInt(entry.getValue().size());
        for (Map.Entry<String, byte[]> cell : entry.getValue().entrySet()) {
          out.writeUTF(cell.getKey());
          writeBytes(out, cell.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void restore(byte[] snapshot) {
    Map<StateNamespace, Map<String, byte[]>> restored = new LinkedHashMap<>();
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
        Map<String, byte[]> ofNamespace = new HashMap<>();
        for (int j = 0; j < count; j++) {
          ofNamespace.put(in.readUTF(), readBytes(in));
        }
        restored.put(namespace, ofNamespace);
        restoredCells += count;
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
