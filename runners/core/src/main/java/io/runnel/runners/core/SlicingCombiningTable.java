package io.runnel.runners.core;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.TimestampCombiner;
import io.runnel.windowing.WindowingStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of a lifted {@code Combine.perKey} over {@link SlidingWindows} whose size is a
 * multiple of the period, on the batch path. Each value is added once, to the accumulator of its
 * key and <em>slice</em>: the period-long interval {@code [offset + j * period, offset + (j + 1) *
 * period)} holding its timestamp. A window of {@code n = size / period} periods is exactly {@code
 * n} consecutive slices, so {@link #fireAll} builds each window's output from the accumulators
 * of the slices it covers: overlapping windows share the per-slice partial results instead of
 * each element updating {@code n} accumulators, and per-block prefix and suffix merges keep the
 * work per window constant rather than {@code n} merges (see {@link #fireKey}).
 *
 * <p>The output is what {@link CombiningTable} gives for the same elements after {@code
 * SlidingWindows} assigned their windows: one value per key and window holding at least one
 * element, the same value, the same timestamp ({@code END_OF_WINDOW}: the window's {@code
 * maxTimestamp()}; {@code EARLIEST}/{@code LATEST}: the earliest/latest input timestamp in the
 * window, kept per slice), pane {@link PaneInfo#ON_TIME_AND_ONLY_FIRING}. Keys are emitted in
 * order of first arrival, each key's windows by start; a shuffling {@link GroupOrder} permutes.
 *
 * <p>Elements are placed by their timestamp alone and the windows they carry are ignored, so a
 * runner may hand them over without assigning the sliding windows first. Every merge at firing
 * starts from a fresh accumulator, and {@link Combine.CombineFn#mergeAccumulators} may only
 * mutate the first, so slice accumulators and partial merges stay intact for the next window.
 *
 * <p>Owned by one thread.
 */
public final class SlicingCombiningTable<K, InputT, AccumT, OutputT>
    implements CombineAccumulators<K, InputT, OutputT> {
  private static final long MAX_MILLIS = BoundedWindow.TIMESTAMP_MAX_VALUE.toEpochMilli();

  private final Coder<K> keyCoder;
  private final Combine.CombineFn<InputT, AccumT, OutputT> fn;
  private final TimestampCombiner timestampCombiner;
  private final long sizeMillis;
  private final long periodMillis;
  private final long offsetMillis;
  private final int slicesPerWindow;
  private final LinkedHashMap<Object, KeySlices<K, AccumT>> keys = new LinkedHashMap<>();
  private int sliceCount;

  /**
   * @throws IllegalArgumentException if {@code strategy} does not {@linkplain #supports qualify}
   */
  public SlicingCombiningTable(Coder<K> keyCoder, Combine.CombineFn<InputT, AccumT, OutputT> fn,
      WindowingStrategy<?, ?> strategy) {
    if (!supports(strategy)) {
      throw new IllegalArgumentException("Slicing needs SlidingWindows whose size is a multiple"
          + " of the period (in whole milliseconds), not " + strategy.getWindowFn());
    }
    SlidingWindows windows = (SlidingWindows) strategy.getWindowFn();
    this.keyCoder = keyCoder;
    this.fn = fn;
    this.timestampCombiner = strategy.getTimestampCombiner();
    this.sizeMillis = windows.getSize().toMillis();
    this.periodMillis = windows.getPeriod().toMillis();
    this.offsetMillis = windows.getOffset().toMillis();
    this.slicesPerWindow = Math.toIntExact(sizeMillis / periodMillis);
  }

  /**
   * Whether the windows of {@code strategy} can be combined by slices: {@link SlidingWindows}
   * with a period of at least a millisecond that divides the size. The trigger is not looked
   * at; the caller serves only the default trigger on bounded input.
   */
  public static boolean supports(WindowingStrategy<?, ?> strategy) {
    if (!(strategy.getWindowFn() instanceof SlidingWindows windows)) {
      return false;
    }
    long period = windows.getPeriod().toMillis();
    long size = windows.getSize().toMillis();
    return period > 0 && size % period == 0 && size / period <= Integer.MAX_VALUE;
  }

  /** Adds a value to the accumulator of its key and slice; its windows are not read. */
  @Override
  public void add(WindowedValue<KV<K, InputT>> element) {
    KV<K, InputT> kv = element.getValue();
    K key = kv.getKey();
    Object structural = keyCoder.structuralValue(key);
    KeySlices<K, AccumT> slices = keys.get(structural);
    if (slices == null) {
      slices = new KeySlices<>(key);
      keys.put(structural, slices);
    }
    Instant timestamp = element.getTimestamp();
    long index = Math.floorDiv(timestamp.toEpochMilli() - offsetMillis, periodMillis);
    Slice<AccumT> slice = slices.get(index);
    if (slice == null) {
      slice = new Slice<>(index, fn.createAccumulator(), timestamp);
      slices.put(slice);
      sliceCount++;
    } else if (timestampCombiner != TimestampCombiner.END_OF_WINDOW) {
      slice.timestamp = timestampCombiner.combine(slice.timestamp, timestamp);
    }
    slice.accumulator = fn.addInput(slice.accumulator, kv.getValue());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeFrom(CombineAccumulators<K, InputT, OutputT> later) {
    SlicingCombiningTable<K, InputT, AccumT, OutputT> other =
        (SlicingCombiningTable<K, InputT, AccumT, OutputT>) later;
    for (Map.Entry<Object, KeySlices<K, AccumT>> e : other.keys.entrySet()) {
      KeySlices<K, AccumT> mine = keys.get(e.getKey());
      if (mine == null) {
        keys.put(e.getKey(), e.getValue());
        sliceCount += e.getValue().size;
        continue;
      }
      for (Slice<AccumT> theirs : e.getValue().table) {
        if (theirs == null) {
          continue;
        }
        Slice<AccumT> slice = mine.get(theirs.index);
        if (slice == null) {
          mine.put(theirs);
          sliceCount++;
        } else {
          slice.accumulator = fn.mergeAccumulators(Arrays.asList(slice.accumulator, theirs.accumulator));
          slice.timestamp = timestampCombiner.combine(slice.timestamp, theirs.timestamp);
        }
      }
    }
  }

  /** The number of (key, slice) accumulators held. */
  @Override
  public int size() {
    return sliceCount;
  }

  /** Emits every key's output in each window holding an element, then forgets them. */
  @Override
  public void fireAll(Consumer<WindowedValue<KV<K, OutputT>>> out, GroupOrder reorder) {
    List<WindowedValue<KV<K, OutputT>>> all = new ArrayList<>(sliceCount);
    List<AccumT> inputs = new ArrayList<>(3);
    for (KeySlices<K, AccumT> slices : keys.values()) {
      fireKey(slices, inputs, all);
    }
    keys.clear();
    sliceCount = 0;
    reorder.shuffle(all);
    all.forEach(out);
  }

  /**
   * Emits the windows of one key that cover at least one of its slices, by start. A window is
   * named by the index of its first slice; {@code [lo, hi)} are the key's slices in the window.
   *
   * <p>Slice indices are cut into blocks of {@code n} (a window's length in slices), so a
   * window is the tail of one block plus the head of the next. Each slice gets the merge of its
   * block up to it (prefix) and from it on (suffix); a window is then one suffix merged with one
   * prefix: about three merges per window and two per slice, instead of {@code n} per window.
   */
  private void fireKey(KeySlices<K, AccumT> slices, List<AccumT> inputs,
      List<WindowedValue<KV<K, OutputT>>> out) {
    Slice<AccumT>[] sorted = slices.sorted();
    int length = sorted.length;
    List<AccumT> prefixes = new ArrayList<>(length);
    List<AccumT> suffixes = new ArrayList<>(length);
    blockPartials(sorted, prefixes, suffixes, inputs);
    int lo = 0;
    int hi = 0;
    int nextBlock = 0;
    long window = sorted[0].index - slicesPerWindow + 1;
    while (true) {
      long lastSlice = window + slicesPerWindow - 1;
      while (hi < length && sorted[hi].index <= lastSlice) {
        hi++;
      }
      while (lo < hi && sorted[lo].index < window) {
        lo++;
      }
      if (lo < hi) {
        long nextBlockStart = (Math.floorDiv(window, slicesPerWindow) + 1) * slicesPerWindow;
        while (nextBlock < length && sorted[nextBlock].index < nextBlockStart) {
          nextBlock++;
        }
        int split = Math.max(lo, Math.min(nextBlock, hi));
        AccumT tail = lo < split ? suffixes.get(lo) : null;
        AccumT head = split < hi ? prefixes.get(hi - 1) : null;
        AccumT merged = tail == null ? mergeFresh(inputs, head, null) : mergeFresh(inputs, tail, head);
        out.add(output(slices.key, window, merged, sorted, lo, hi));
        window++;
      } else if (hi < length) {
        window = sorted[hi].index - slicesPerWindow + 1;
      } else {
        return;
      }
    }
  }

  /** Per slice, the merge of its block's slices up to it and from it on. */
  private void blockPartials(Slice<AccumT>[] sorted, List<AccumT> prefixes, List<AccumT> suffixes,
      List<AccumT> inputs) {
    int length = sorted.length;
    for (int i = 0; i < length; i++) {
      AccumT own = sorted[i].accumulator;
      prefixes.add(i > 0 && sameBlock(sorted[i - 1], sorted[i])
          ? mergeFresh(inputs, prefixes.get(i - 1), own) : own);
      suffixes.add(null);
    }
    for (int i = length - 1; i >= 0; i--) {
      AccumT own = sorted[i].accumulator;
      suffixes.set(i, i < length - 1 && sameBlock(sorted[i], sorted[i + 1])
          ? mergeFresh(inputs, own, suffixes.get(i + 1)) : own);
    }
  }

  private boolean sameBlock(Slice<AccumT> a, Slice<AccumT> b) {
    return Math.floorDiv(a.index, slicesPerWindow) == Math.floorDiv(b.index, slicesPerWindow);
  }

  /**
   * A fresh accumulator merged with {@code a} and {@code b} (if not null). Only the fresh one is
   * first, so {@code a} and {@code b}, shared by other windows, stay intact.
   */
  private AccumT mergeFresh(List<AccumT> inputs, AccumT a, AccumT b) {
    inputs.clear();
    inputs.add(fn.createAccumulator());
    inputs.add(a);
    if (b != null) {
      inputs.add(b);
    }
    return fn.mergeAccumulators(inputs);
  }

  private WindowedValue<KV<K, OutputT>> output(K key, long windowIndex, AccumT merged,
      Slice<AccumT>[] sorted, int lo, int hi) {
    IntervalWindow window = windowAt(windowIndex);
    Instant timestamp;
    if (timestampCombiner == TimestampCombiner.END_OF_WINDOW) {
      timestamp = window.maxTimestamp();
    } else {
      timestamp = sorted[lo].timestamp;
      for (int i = lo + 1; i < hi; i++) {
        timestamp = timestampCombiner.combine(timestamp, sorted[i].timestamp);
      }
    }
    return WindowedValue.of(KV.of(key, fn.extractOutput(merged)), timestamp, window,
        PaneInfo.ON_TIME_AND_ONLY_FIRING);
  }

  /** The window starting at slice {@code index}, its end capped as {@code SlidingWindows} does. */
  private IntervalWindow windowAt(long index) {
    long start = offsetMillis + index * periodMillis;
    long end = start > MAX_MILLIS - sizeMillis ? MAX_MILLIS : start + sizeMillis;
    return new IntervalWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
  }

  /** The accumulator of one key in one slice, with the slice's candidate output timestamp. */
  private static final class Slice<AccumT> {
    final long index;
    AccumT accumulator;
    Instant timestamp;

    Slice(long index, AccumT accumulator, Instant timestamp) {
      this.index = index;
      this.accumulator = accumulator;
      this.timestamp = timestamp;
    }
  }

  /** One key's slices in an open-addressing table by slice index (no boxing per element). */
  private static final class KeySlices<K, AccumT> {
    final K key;
    Slice<AccumT>[] table = newTable(8);
    int size;

    KeySlices(K key) {
      this.key = key;
    }

    Slice<AccumT> get(long index) {
      int mask = table.length - 1;
      for (int i = slot(index, mask); ; i = (i + 1) & mask) {
        Slice<AccumT> slice = table[i];
        if (slice == null || slice.index == index) {
          return slice;
        }
      }
    }

    /** Adds a slice whose index is not in the table yet. */
    void put(Slice<AccumT> slice) {
      if (2 * (size + 1) > table.length) {
        Slice<AccumT>[] old = table;
        table = newTable(2 * old.length);
        for (Slice<AccumT> s : old) {
          if (s != null) {
            insert(s);
          }
        }
      }
      insert(slice);
      size++;
    }

    private void insert(Slice<AccumT> slice) {
      int mask = table.length - 1;
      int i = slot(slice.index, mask);
      while (table[i] != null) {
        i = (i + 1) & mask;
      }
      table[i] = slice;
    }

    Slice<AccumT>[] sorted() {
      Slice<AccumT>[] sorted = newTable(size);
      int n = 0;
      for (Slice<AccumT> slice : table) {
        if (slice != null) {
          sorted[n++] = slice;
        }
      }
      Arrays.sort(sorted, Comparator.comparingLong(s -> s.index));
      return sorted;
    }

    private static int slot(long index, int mask) {
      return (int) ((index * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    @SuppressWarnings("unchecked")
    private static <A> Slice<A>[] newTable(int length) {
      return (Slice<A>[]) new Slice<?>[length];
    }
  }
}
