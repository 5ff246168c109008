package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.transforms.Combine.CombineFn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A {@link StateBackend} on the heap that keeps cells decoded, as Flink's heap backend does: a
 * value is the object written, a bag a list, a combining cell its accumulator, a map a linked
 * hash map by structural key. Nothing is encoded until a {@link #snapshot}; restored cells stay
 * encoded until first accessed. Keys are kept in the order they first got state, so iteration
 * is deterministic. A byte array read from a value cell is the cell's own: a later write of the
 * cell may overwrite it in place. Not thread-safe.
 *
 * <p>Snapshot format (version 2): version byte, maximum parallelism, the range, then per key its
 * bytes and per namespace (window bytes, or the key's own) its cells: id, kind and contents
 * encoded with the tag's coders, each length-prefixed.
 */
public final class InMemoryStateBackend implements StateBackend {
  private static final int FORMAT_VERSION = 2;
  private static final byte VALUE = 1;
  private static final byte BAG = 2;
  private static final byte COMBINING = 3;
  private static final byte MAP = 4;

  /** A restored cell not yet accessed: its kind and encoded contents. */
  private record Encoded(byte kind, byte[] bytes) {}

  /** The cells of one namespace of one key: a handful, so parallel arrays scanned by id. */
  private static final class Cells {
    final StateNamespace namespace;
    /** The key's cells this belongs to. */
    final KeyCells key;
    /** False once the namespace is dropped or the backend restored: a cached reference is stale. */
    boolean live = true;
    String[] ids = new String[2];
    Object[] values = new Object[2];
    /** The tag each cell was last written or read with; null for a restored cell not yet read. */
    StateTag<?>[] tags = new StateTag<?>[2];
    int size;

    Cells(StateNamespace namespace, KeyCells key) {
      this.namespace = namespace;
      this.key = key;
    }

    int indexOf(String id) {
      for (int i = 0; i < size; i++) {
        if (ids[i].equals(id)) {
          return i;
        }
      }
      return -1;
    }

    int add(StateTag<?> tag, String id, Object value) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        values = Arrays.copyOf(values, size * 2);
        tags = Arrays.copyOf(tags, size * 2);
      }
      ids[size] = id;
      values[size] = value;
      tags[size] = tag;
      return size++;
    }

    void remove(int index) {
      size--;
      ids[index] = ids[size];
      values[index] = values[size];
      tags[index] = tags[size];
      ids[size] = null;
      values[size] = null;
      tags[size] = null;
    }
  }

  /** The namespaces of one key with state. */
  private static final class KeyCells {
    final StateKey key;
    final InMemoryStateBackend owner;
    Cells[] namespaces = new Cells[1];
    int size;

    KeyCells(StateKey key, InMemoryStateBackend owner) {
      this.key = key;
      this.owner = owner;
    }

    Cells find(StateNamespace namespace) {
      for (int i = 0; i < size; i++) {
        if (namespaces[i].namespace.equals(namespace)) {
          return namespaces[i];
        }
      }
      return null;
    }

    Cells add(StateNamespace namespace) {
      if (size == namespaces.length) {
        namespaces = Arrays.copyOf(namespaces, size * 2);
      }
      Cells cells = new Cells(namespace, this);
      namespaces[size++] = cells;
      return cells;
    }

    void remove(Cells cells) {
      cells.live = false;
      for (int i = 0; i < size; i++) {
        if (namespaces[i] == cells) {
          System.arraycopy(namespaces, i + 1, namespaces, i, size - i - 1);
          namespaces[--size] = null;
          return;
        }
      }
    }
  }

  private final int maxParallelism;
  private final KeyGroupRange range;
  private final Map<StateKey, KeyCells> keys = new LinkedHashMap<>();
  private StateKey currentKey;
  /** The current key's cells, or null while it has none. */
  private KeyCells current;
  private long liveCells;
  private int liveNamespaces;

  /** A backend for every key group of a job with the default maximum parallelism. */
  public InMemoryStateBackend() {
    this(KeyGroups.DEFAULT_MAX_PARALLELISM, KeyGroupRange.all(KeyGroups.DEFAULT_MAX_PARALLELISM));
  }

  /** A backend for the key groups of {@code range} in a job of {@code maxParallelism}. */
  public InMemoryStateBackend(int maxParallelism, KeyGroupRange range) {
    KeyGroups.checkMaxParallelism(maxParallelism);
    if (range.end() >= maxParallelism) {
      throw new IllegalArgumentException(range + " is beyond the maximum parallelism "
          + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
    this.range = range;
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public void setCurrentKey(StateKey key) {
    if (key.equals(currentKey)) {
      return;
    }
    if (!range.contains(key.keyGroup())) {
      throw new IllegalArgumentException("Key group " + key.keyGroup() + " is not in this"
          + " backend's " + range);
    }
    currentKey = key;
    current = keys.get(key);
  }

  @Override
  public StateKey currentKey() {
    return currentKey;
  }

  // ---- access ----

  @Override
  @SuppressWarnings("unchecked")
  public <T> T readValue(StateNamespace namespace, StateTag.Value<T> tag) {
    return (T) read(namespace, tag);
  }

  @Override
  public <T> void writeValue(StateNamespace namespace, StateTag.Value<T> tag, T value) {
    if (value == null) {
      clear(namespace, tag);
    } else {
      put(namespace, tag, value);
    }
  }

  /**
   * As {@link #readValue(StateNamespace, StateTag.Value)} for {@code at}'s key, which becomes the
   * current key; {@code at} keeps a reference to the pair's cells, so the next access through it
   * costs no lookup.
   */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T readValue(NamespaceState at, StateTag.Value<T> tag) {
    Cells cells = cellsOf(at, false);
    if (cells == null) {
      return null;
    }
    int index = cells.indexOf(tag.id());
    return index < 0 ? null : (T) decoded(cells, index, tag);
  }

  /** As {@link #writeValue(StateNamespace, StateTag.Value, Object)}, through {@code at}. */
  @Override
  public <T> void writeValue(NamespaceState at, StateTag.Value<T> tag, T value) {
    if (value == null) {
      setCurrentKey(at.stateKey());
      clear(at.namespace(), tag);
    } else {
      putInto(cellsOf(at, true), tag, value);
    }
  }

  /** The cells of {@code at}'s key and namespace (made if {@code create}), which it remembers. */
  private Cells cellsOf(NamespaceState at, boolean create) {
    if (at.backendCells instanceof Cells cached && cached.live && cached.key.owner == this) {
      currentKey = at.stateKey();
      current = cached.key;
      return cached;
    }
    setCurrentKey(at.stateKey());
    Cells cells = cellsFor(at.namespace(), create);
    at.backendCells = cells;
    return cells;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void addToBag(StateNamespace namespace, StateTag.Bag<T> tag, T value) {
    List<T> bag = (List<T>) read(namespace, tag);
    if (bag == null) {
      bag = new ArrayList<>(4);
      put(namespace, tag, bag);
    }
    bag.add(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Iterable<T> readBag(StateNamespace namespace, StateTag.Bag<T> tag) {
    List<T> bag = (List<T>) read(namespace, tag);
    return bag == null ? List.of() : Collections.unmodifiableList(bag);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <InputT, AccumT> void addToCombining(StateNamespace namespace,
      StateTag.Combining<InputT, AccumT, ?> tag, InputT input) {
    Cells cells = cellsFor(namespace, true);
    int index = cells.indexOf(tag.id());
    CombineFn<InputT, AccumT, ?> fn = tag.fn();
    if (index < 0) {
      AccumT accumulator = fn.addInput(fn.createAccumulator(), input);
      cells.add(tag, tag.id(), accumulator);
      liveCells++;
    } else {
      AccumT accumulator = (AccumT) decoded(cells, index, tag);
      cells.values[index] = fn.addInput(accumulator, input);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <AccumT> void mergeIntoCombining(StateNamespace namespace,
      StateTag.Combining<?, AccumT, ?> tag, AccumT accumulator) {
    AccumT existing = (AccumT) read(namespace, tag);
    put(namespace, tag, existing == null ? accumulator
        : tag.fn().mergeAccumulators(List.of(existing, accumulator)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <AccumT> AccumT readAccumulator(StateNamespace namespace,
      StateTag.Combining<?, AccumT, ?> tag) {
    return (AccumT) read(namespace, tag);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V readMapEntry(StateNamespace namespace, StateTag.Map<K, V> tag, K mapKey) {
    Map<Object, Map.Entry<K, V>> map = (Map<Object, Map.Entry<K, V>>) read(namespace, tag);
    Map.Entry<K, V> entry = map == null ? null : map.get(tag.keyCoder().structuralValue(mapKey));
    return entry == null ? null : entry.getValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> void putMapEntry(StateNamespace namespace, StateTag.Map<K, V> tag, K mapKey,
      V value) {
    Map<Object, Map.Entry<K, V>> map = (Map<Object, Map.Entry<K, V>>) read(namespace, tag);
    Object structural = tag.keyCoder().structuralValue(mapKey);
    if (value == null) {
      if (map != null && map.remove(structural) != null && map.isEmpty()) {
        clear(namespace, tag);
      }
      return;
    }
    if (map == null) {
      map = new LinkedHashMap<>();
      put(namespace, tag, map);
    }
    map.put(structural, new AbstractMap.SimpleImmutableEntry<>(mapKey, value));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Iterable<Map.Entry<K, V>> readMap(StateNamespace namespace,
      StateTag.Map<K, V> tag) {
    Map<Object, Map.Entry<K, V>> map = (Map<Object, Map.Entry<K, V>>) read(namespace, tag);
    return map == null ? List.of() : Collections.unmodifiableCollection(map.values());
  }

  @Override
  public boolean isEmpty(StateNamespace namespace, StateTag<?> tag) {
    Cells cells = cellsFor(namespace, false);
    return cells == null || cells.indexOf(tag.id()) < 0;
  }

  @Override
  public void clear(StateNamespace namespace, StateTag<?> tag) {
    Cells cells = cellsFor(namespace, false);
    if (cells == null) {
      return;
    }
    int index = cells.indexOf(tag.id());
    if (index < 0) {
      return;
    }
    cells.remove(index);
    liveCells--;
    if (cells.size == 0) {
      dropNamespace(cells);
    }
  }

  @Override
  public void clearNamespace(StateNamespace namespace) {
    Cells cells = cellsFor(namespace, false);
    if (cells != null) {
      liveCells -= cells.size;
      dropNamespace(cells);
    }
  }

  @Override
  public void forEachNamespace(BiConsumer<StateKey, StateNamespace> action) {
    for (KeyCells key : keys.values().toArray(new KeyCells[0])) {
      for (Cells cells : Arrays.copyOf(key.namespaces, key.size)) {
        action.accept(key.key, cells.namespace);
      }
    }
  }

  @Override
  public int liveNamespaces() {
    return liveNamespaces;
  }

  @Override
  public long liveCells() {
    return liveCells;
  }

  private Object read(StateNamespace namespace, StateTag<?> tag) {
    Cells cells = cellsFor(namespace, false);
    if (cells == null) {
      return null;
    }
    int index = cells.indexOf(tag.id());
    return index < 0 ? null : decoded(cells, index, tag);
  }

  private void put(StateNamespace namespace, StateTag<?> tag, Object value) {
    putInto(cellsFor(namespace, true), tag, value);
  }

  private void putInto(Cells cells, StateTag<?> tag, Object value) {
    int index = cells.indexOf(tag.id());
    if (index < 0) {
      cells.add(tag, tag.id(), value);
      liveCells++;
    } else if (value instanceof byte[] bytes && cells.values[index] instanceof byte[] held
        && held.length == bytes.length) {
      // Encoded cells (a bundle cache's) mostly keep their length: copying into the array held
      // stores no new reference into this long-lived table, which spares the collector's
      // write barrier its card refinement (a large part of a keyed step's cost otherwise).
      System.arraycopy(bytes, 0, held, 0, bytes.length);
      setTag(cells, index, tag);
    } else {
      cells.values[index] = value;
      setTag(cells, index, tag);
    }
  }

  /** Notes the tag a cell was used with; stores only a change (a store costs a write barrier). */
  private static void setTag(Cells cells, int index, StateTag<?> tag) {
    if (cells.tags[index] != tag) {
      cells.tags[index] = tag;
    }
  }

  private Cells cellsFor(StateNamespace namespace, boolean create) {
    if (currentKey == null) {
      throw new IllegalStateException("State accessed before a current key was set");
    }
    if (current == null) {
      if (!create) {
        return null;
      }
      current = new KeyCells(currentKey, this);
      keys.put(currentKey, current);
    }
    Cells cells = current.find(namespace);
    if (cells == null && create) {
      cells = current.add(namespace);
      liveNamespaces++;
    }
    return cells;
  }

  private void dropNamespace(Cells cells) {
    current.remove(cells);
    liveNamespaces--;
    if (current.size == 0) {
      keys.remove(currentKey);
      current = null;
    }
  }

  /** The cell's value, decoding a restored one with {@code tag} on first access. */
  private static Object decoded(Cells cells, int index, StateTag<?> tag) {
    Object value = cells.values[index];
    if (value instanceof Encoded encoded) {
      value = decode(encoded, tag);
      cells.values[index] = value;
    }
    setTag(cells, index, tag);
    return value;
  }

  // ---- snapshots ----

  @Override
  public byte[] snapshot(KeyGroupRange snapshotRange) {
    if (!range.contains(snapshotRange)) {
      throw new IllegalArgumentException("Cannot snapshot " + snapshotRange + ": this backend"
          + " holds " + range);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(maxParallelism);
      out.writeInt(snapshotRange.start());
      out.writeInt(snapshotRange.end());
      List<KeyCells> inRange = new ArrayList<>();
      for (KeyCells key : keys.values()) {
        if (snapshotRange.contains(key.key.keyGroup())) {
          inRange.add(key);
        }
      }
      out.writeInt(inRange.size());
      for (KeyCells key : inRange) {
        writeBytes(out, key.key.bytes());
        out.writeInt(key.size);
        for (int n = 0; n < key.size; n++) {
          Cells cells = key.namespaces[n];
          out.writeBoolean(cells.namespace.isKey());
          if (!cells.namespace.isKey()) {
            writeBytes(out, cells.namespace.windowBytes());
          }
          out.writeInt(cells.size);
          for (int c = 0; c < cells.size; c++) {
            out.writeUTF(cells.ids[c]);
            Object value = cells.values[c];
            if (value instanceof Encoded encoded) {
              out.writeByte(encoded.kind());
              writeBytes(out, encoded.bytes());
            } else {
              writeCell(out, cells.tags[c], value);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeCell(DataOutputStream out, StateTag<?> tag, Object value)
      throws IOException {
    out.writeByte(kindOf(tag));
    writeBytes(out, encode(tag, value));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] encode(StateTag<?> tag, Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    if (tag instanceof StateTag.Value<?> v) {
      writeBytes(out, encodeOne((Coder) v.coder(), value, tag));
    } else if (tag instanceof StateTag.Bag<?> b) {
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object element : list) {
        writeBytes(out, encodeOne((Coder) b.elementCoder(), element, tag));
      }
    } else if (tag instanceof StateTag.Combining<?, ?, ?> c) {
      if (c.accumulatorCoder() == null) {
        throw new IllegalStateException("Cannot snapshot combining state '" + tag.id() + "': the"
            + " accumulator coder of " + c.fn().getClass().getName() + " is unknown; override"
            + " getAccumulatorCoder in the CombineFn");
      }
      writeBytes(out, encodeOne((Coder) c.accumulatorCoder(), value, tag));
    } else {
      StateTag.Map<?, ?> m = (StateTag.Map<?, ?>) tag;
      Map<Object, Map.Entry<?, ?>> map = (Map<Object, Map.Entry<?, ?>>) value;
      out.writeInt(map.size());
      for (Map.Entry<?, ?> entry : map.values()) {
        writeBytes(out, encodeOne((Coder) m.keyCoder(), entry.getKey(), tag));
        writeBytes(out, encodeOne((Coder) m.valueCoder(), entry.getValue(), tag));
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object decode(Encoded encoded, StateTag<?> tag) {
    if (encoded.kind() != kindOf(tag)) {
      throw new IllegalStateException("Restored state cell '" + tag.id() + "' was written as"
          + " another kind of state than " + tag);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded.bytes()))) {
      if (tag instanceof StateTag.Value<?> v) {
        return decodeOne(v.coder(), readBytes(in), tag);
      }
      if (tag instanceof StateTag.Bag<?> b) {
        int count = in.readInt();
        List<Object> list = new ArrayList<>(Math.max(4, count));
        for (int i = 0; i < count; i++) {
          list.add(decodeOne(b.elementCoder(), readBytes(in), tag));
        }
        return list;
      }
      if (tag instanceof StateTag.Combining<?, ?, ?> c) {
        if (c.accumulatorCoder() == null) {
          throw new IllegalStateException("Cannot restore combining state '" + tag.id()
              + "': the accumulator coder of " + c.fn().getClass().getName() + " is unknown");
        }
        return decodeOne(c.accumulatorCoder(), readBytes(in), tag);
      }
      StateTag.Map<Object, Object> m = (StateTag.Map<Object, Object>) tag;
      int count = in.readInt();
      Map<Object, Map.Entry<Object, Object>> map = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        Object key = decodeOne(m.keyCoder(), readBytes(in), tag);
        Object value = decodeOne(m.valueCoder(), readBytes(in), tag);
        map.put(m.keyCoder().structuralValue(key),
            new AbstractMap.SimpleImmutableEntry<>(key, value));
      }
      return map;
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt restored state cell '" + tag.id() + "': " + e, e);
    }
  }

  private static <T> byte[] encodeOne(Coder<T> coder, T value, StateTag<?> tag) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalStateException("Cannot encode state cell '" + tag.id() + "' with "
          + coder + ": " + e, e);
    }
  }

  private static <T> T decodeOne(Coder<T> coder, byte[] bytes, StateTag<?> tag) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("Cannot decode state cell '" + tag.id() + "' with "
          + coder + ": " + e, e);
    }
  }

  private static byte kindOf(StateTag<?> tag) {
    if (tag instanceof StateTag.Value<?>) {
      return VALUE;
    }
    if (tag instanceof StateTag.Bag<?>) {
      return BAG;
    }
    return tag instanceof StateTag.Combining<?, ?, ?> ? COMBINING : MAP;
  }

  @Override
  public void restore(byte[] snapshot) {
    List<KeyCells> restored = new ArrayList<>();
    KeyGroupRange snapshotRange;
    long cellCount = 0;
    int namespaceCount = 0;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      int version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("Unknown state snapshot format version " + version
            + "; this backend reads version " + FORMAT_VERSION);
      }
      int snapshotParallelism = in.readInt();
      if (snapshotParallelism != maxParallelism) {
        throw new IllegalArgumentException("The state snapshot was taken with maximum parallelism "
            + snapshotParallelism + ", this backend has " + maxParallelism + "; key groups differ");
      }
      snapshotRange = new KeyGroupRange(in.readInt(), in.readInt());
      if (!range.contains(snapshotRange)) {
        throw new IllegalArgumentException("The state snapshot holds " + snapshotRange
            + ", outside this backend's " + range);
      }
      int keyCount = in.readInt();
      for (int k = 0; k < keyCount; k++) {
        KeyCells key = new KeyCells(StateKey.ofEncoded(readBytes(in), maxParallelism), this);
        int namespaces = in.readInt();
        for (int n = 0; n < namespaces; n++) {
          StateNamespace namespace = in.readBoolean() ? StateNamespace.KEY
              : StateNamespace.ofEncodedWindow(readBytes(in));
          Cells cells = key.add(namespace);
          namespaceCount++;
          int count = in.readInt();
          for (int c = 0; c < count; c++) {
            String id = in.readUTF();
            cells.add(null, id, new Encoded(in.readByte(), readBytes(in)));
            cellCount++;
          }
        }
        restored.add(key);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Corrupt state snapshot: " + e, e);
    }
    for (KeyCells key : keys.values().toArray(new KeyCells[0])) {
      if (snapshotRange.contains(key.key.keyGroup())) {
        keys.remove(key.key);
        liveNamespaces -= key.size;
        for (int n = 0; n < key.size; n++) {
          liveCells -= key.namespaces[n].size;
          key.namespaces[n].live = false;
        }
      }
    }
    for (KeyCells key : restored) {
      keys.put(key.key, key);
    }
    liveCells += cellCount;
    liveNamespaces += namespaceCount;
    currentKey = null;
    current = null;
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
