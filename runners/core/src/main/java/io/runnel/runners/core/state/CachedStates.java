package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.Coder.StructuralByteArray;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.CombiningState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.ReadableState;
import io.runnel.sdk.state.SetState;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Combine.CombineFn;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TimestampedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live state kinds over a {@link BundleStateCache}. Each reads its cell in the current
 * namespace on every call; reads return copies, so later writes do not show through them.
 * {@code readLater} is a no-op: the cache already fetches a cell once per bundle.
 */
final class CachedStates {
  private CachedStates() {}

  /** One cell (by its index in the cache) of the current namespace. */
  record CellRef<R>(BundleStateCache cache, Supplier<NamespaceState> current, int index) {
    R get() {
      return cache.get(current.get(), index);
    }

    /** The cell, marked changed (call before changing it in place). */
    R change() {
      NamespaceState at = current.get();
      R value = cache.get(at, index);
      cache.changed(at, index);
      return value;
    }
  }

  static <T> ReadableState<T> readable(Supplier<T> read) {
    return new ReadableState<>() {
      @Override
      public T read() {
        return read.get();
      }

      @Override
      public ReadableState<T> readLater() {
        return this;
      }
    };
  }

  static final class Value<T> implements ValueState<T> {
    private final CellRef<CellCodec.Box<T>> cell;

    Value(CellRef<CellCodec.Box<T>> cell) {
      this.cell = cell;
    }

    @Override
    public void write(T input) {
      cell.change().set(input);
    }

    @Override
    public T read() {
      return cell.get().value;
    }

    @Override
    public ValueState<T> readLater() {
      return this;
    }

    @Override
    public void clear() {
      cell.change().clear();
    }
  }

  static final class Bag<T> implements BagState<T> {
    private final CellRef<List<T>> cell;

    Bag(CellRef<List<T>> cell) {
      this.cell = cell;
    }

    @Override
    public void add(T value) {
      cell.change().add(value);
    }

    @Override
    public ReadableState<Boolean> isEmpty() {
      return readable(() -> cell.get().isEmpty());
    }

    @Override
    public Iterable<T> read() {
      return Collections.unmodifiableList(new ArrayList<>(cell.get()));
    }

    @Override
    public BagState<T> readLater() {
      return this;
    }

    @Override
    public void clear() {
      cell.change().clear();
    }
  }

  static final class Combining<InputT, AccumT, OutputT>
      implements CombiningState<InputT, AccumT, OutputT> {
    private final CellRef<CellCodec.Box<AccumT>> cell;
    private final CombineFn<InputT, AccumT, OutputT> combineFn;

    Combining(CellRef<CellCodec.Box<AccumT>> cell, CombineFn<InputT, AccumT, OutputT> combineFn) {
      this.cell = cell;
      this.combineFn = combineFn;
    }

    @Override
    public AccumT getAccum() {
      CellCodec.Box<AccumT> box = cell.get();
      return box.present ? box.value : combineFn.createAccumulator();
    }

    @Override
    public void addAccum(AccumT accum) {
      AccumT merged = combineFn.mergeAccumulators(List.of(getAccum(), accum));
      cell.change().set(merged);
    }

    @Override
    public AccumT mergeAccumulators(Iterable<AccumT> accumulators) {
      return combineFn.mergeAccumulators(accumulators);
    }

    @Override
    public void add(InputT value) {
      AccumT accum = combineFn.addInput(getAccum(), value);
      cell.change().set(accum);
    }

    @Override
    public ReadableState<Boolean> isEmpty() {
      return readable(() -> !cell.get().present);
    }

    @Override
    public OutputT read() {
      return combineFn.extractOutput(getAccum());
    }

    @Override
    public CombiningState<InputT, AccumT, OutputT> readLater() {
      return this;
    }

    @Override
    public void clear() {
      cell.change().clear();
    }
  }

  static final class Set<T> implements SetState<T> {
    private final CellRef<LinkedHashMap<StructuralByteArray, T>> cell;
    private final Coder<T> coder;

    Set(CellRef<LinkedHashMap<StructuralByteArray, T>> cell, Coder<T> coder) {
      this.cell = cell;
      this.coder = coder;
    }

    @Override
    public ReadableState<Boolean> contains(T t) {
      StructuralByteArray key = CachedStateBinder.bytesOf(coder, t);
      return readable(() -> cell.get().containsKey(key));
    }

    @Override
    public ReadableState<Boolean> addIfAbsent(T t) {
      StructuralByteArray key = CachedStateBinder.bytesOf(coder, t);
      boolean absent = !cell.get().containsKey(key);
      if (absent) {
        cell.change().put(key, t);
      }
      return readable(() -> absent);
    }

    @Override
    public void remove(T t) {
      cell.change().remove(CachedStateBinder.bytesOf(coder, t));
    }

    @Override
    public void add(T value) {
      addIfAbsent(value);
    }

    @Override
    public ReadableState<Boolean> isEmpty() {
      return readable(() -> cell.get().isEmpty());
    }

    @Override
    public Iterable<T> read() {
      return Collections.unmodifiableList(new ArrayList<>(cell.get().values()));
    }

    @Override
    public SetState<T> readLater() {
      return this;
    }

    @Override
    public void clear() {
      cell.change().clear();
    }
  }

  static final class Map<K, V> implements MapState<K, V> {
    private final CellRef<LinkedHashMap<StructuralByteArray, KV<K, V>>> cell;
    private final Coder<K> keyCoder;

    Map(CellRef<LinkedHashMap<StructuralByteArray, KV<K, V>>> cell, Coder<K> keyCoder) {
      this.cell = cell;
      this.keyCoder = keyCoder;
    }

    @Override
    public void put(K key, V value) {
      cell.change().put(CachedStateBinder.bytesOf(keyCoder, key), KV.of(key, value));
    }

    @Override
    public ReadableState<V> computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
      StructuralByteArray bytes = CachedStateBinder.bytesOf(keyCoder, key);
      KV<K, V> previous = cell.get().get(bytes);
      if (previous == null) {
        cell.change().put(bytes, KV.of(key, mappingFunction.apply(key)));
      }
      return readable(() -> previous == null ? null : previous.getValue());
    }

    @Override
    public void remove(K key) {
      cell.change().remove(CachedStateBinder.bytesOf(keyCoder, key));
    }

    @Override
    public ReadableState<V> get(K key) {
      return getOrDefault(key, null);
    }

    @Override
    public ReadableState<V> getOrDefault(K key, V defaultValue) {
      StructuralByteArray bytes = CachedStateBinder.bytesOf(keyCoder, key);
      return readable(() -> {
        KV<K, V> entry = cell.get().get(bytes);
        return entry == null ? defaultValue : entry.getValue();
      });
    }

    @Override
    public ReadableState<Iterable<K>> keys() {
      return readable(() -> project(KV::getKey));
    }

    @Override
    public ReadableState<Iterable<V>> values() {
      return readable(() -> project(KV::getValue));
    }

    @Override
    public ReadableState<Iterable<java.util.Map.Entry<K, V>>> entries() {
      return readable(() -> project(kv -> java.util.Map.entry(kv.getKey(), kv.getValue())));
    }

    @Override
    public ReadableState<Boolean> isEmpty() {
      return readable(() -> cell.get().isEmpty());
    }

    @Override
    public void clear() {
      cell.change().clear();
    }

    private <T> Iterable<T> project(Function<KV<K, V>, T> part) {
      List<T> parts = new ArrayList<>();
      for (KV<K, V> kv : cell.get().values()) {
        parts.add(part.apply(kv));
      }
      return Collections.unmodifiableList(parts);
    }
  }

  static final class OrderedList<T> implements OrderedListState<T> {
    private final CellRef<List<TimestampedValue<T>>> cell;

    OrderedList(CellRef<List<TimestampedValue<T>>> cell) {
      this.cell = cell;
    }

    @Override
    public void add(TimestampedValue<T> value) {
      List<TimestampedValue<T>> list = cell.change();
      int at = list.size();
      while (at > 0 && list.get(at - 1).getTimestamp().isAfter(value.getTimestamp())) {
        at--;
      }
      list.add(at, value);
    }

    @Override
    public Iterable<TimestampedValue<T>> readRange(Instant minTimestamp, Instant limitTimestamp) {
      List<TimestampedValue<T>> range = new ArrayList<>();
      for (TimestampedValue<T> value : cell.get()) {
        if (inRange(value, minTimestamp, limitTimestamp)) {
          range.add(value);
        }
      }
      return Collections.unmodifiableList(range);
    }

    @Override
    public void clearRange(Instant minTimestamp, Instant limitTimestamp) {
      cell.change().removeIf(value -> inRange(value, minTimestamp, limitTimestamp));
    }

    @Override
    public OrderedListState<T> readRangeLater(Instant minTimestamp, Instant limitTimestamp) {
      return this;
    }

    @Override
    public ReadableState<Boolean> isEmpty() {
      return readable(() -> cell.get().isEmpty());
    }

    @Override
    public Iterable<TimestampedValue<T>> read() {
      return Collections.unmodifiableList(new ArrayList<>(cell.get()));
    }

    @Override
    public OrderedListState<T> readLater() {
      return this;
    }

    @Override
    public void clear() {
      cell.change().clear();
    }

    private static boolean inRange(TimestampedValue<?> value, Instant min, Instant limit) {
      return !value.getTimestamp().isBefore(min) && value.getTimestamp().isBefore(limit);
    }
  }
}
