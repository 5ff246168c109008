package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.ListCoder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code count} largest elements by a comparator, as a {@code List} sorted largest first:
 * globally ({@link #of}, {@link #largest}, {@link #smallest}) or per key ({@link #perKey},
 * {@link #largestPerKey}, {@link #smallestPerKey}). {@code smallest} lists the smallest
 * elements, smallest first. Fewer than {@code count} inputs give all of them; an empty collection
 * (in the global window) gives an empty list. Memory per key and worker is {@code O(count)}.
 */
public final class Top {
  private Top() {}

  /** The {@code count} largest elements by {@code compareFn}, largest first, per window. */
  public static <T, ComparatorT extends Comparator<T> & Serializable>
      Combine.Globally<T, List<T>> of(int count, ComparatorT compareFn) {
    return Combine.globally(new TopCombineFn<>(count, compareFn));
  }

  /** The {@code count} smallest elements, smallest first, per window. */
  public static <T extends Comparable<? super T>> Combine.Globally<T, List<T>> smallest(int count) {
    return Combine.globally(new TopCombineFn<>(count, new Reversed<T>()));
  }

  /** The {@code count} largest elements, largest first, per window. */
  public static <T extends Comparable<? super T>> Combine.Globally<T, List<T>> largest(int count) {
    return Combine.globally(new TopCombineFn<>(count, new Natural<T>()));
  }

  /** The {@code count} largest values of each key by {@code compareFn}, largest first. */
  public static <K, V, ComparatorT extends Comparator<V> & Serializable>
      Combine.PerKey<K, V, List<V>> perKey(int count, ComparatorT compareFn) {
    return Combine.perKey(new TopCombineFn<>(count, compareFn));
  }

  /** The {@code count} smallest values of each key, smallest first. */
  public static <K, V extends Comparable<? super V>> Combine.PerKey<K, V, List<V>> smallestPerKey(int count) {
    return Combine.perKey(new TopCombineFn<>(count, new Reversed<V>()));
  }

  /** The {@code count} largest values of each key, largest first. */
  public static <K, V extends Comparable<? super V>> Combine.PerKey<K, V, List<V>> largestPerKey(int count) {
    return Combine.perKey(new TopCombineFn<>(count, new Natural<V>()));
  }

  /** The natural order of {@code Comparable}s, serializable. */
  public static final class Natural<T extends Comparable<? super T>> implements Comparator<T>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(T a, T b) {
      return a.compareTo(b);
    }
  }

  /** The reverse of the natural order of {@code Comparable}s, serializable. */
  public static final class Reversed<T extends Comparable<? super T>> implements Comparator<T>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(T a, T b) {
      return b.compareTo(a);
    }
  }

  /**
   * Keeps the {@code count} largest inputs by a comparator in a {@link BoundedHeap}; outputs them
   * sorted largest first.
   */
  public static final class TopCombineFn<T, ComparatorT extends Comparator<T> & Serializable>
      extends Combine.CombineFn<T, BoundedHeap<T>, List<T>> {
    private static final long serialVersionUID = 1L;
    private final int count;
    private final ComparatorT compareFn;

    /** Keeps the {@code count} (zero or more) largest inputs by {@code compareFn}. */
    public TopCombineFn(int count, ComparatorT compareFn) {
      if (count < 0) {
        throw new IllegalArgumentException("Top: count must be zero or more, but was " + count);
      }
      this.count = count;
      this.compareFn = java.util.Objects.requireNonNull(compareFn, "compareFn");
    }

    @Override
    public BoundedHeap<T> createAccumulator() {
      return new BoundedHeap<>(count, compareFn);
    }

    @Override
    public BoundedHeap<T> addInput(BoundedHeap<T> accumulator, T input) {
      accumulator.add(input);
      return accumulator;
    }

    @Override
    public BoundedHeap<T> mergeAccumulators(Iterable<BoundedHeap<T>> accumulators) {
      BoundedHeap<T> merged = createAccumulator();
      for (BoundedHeap<T> accumulator : accumulators) {
        for (T element : accumulator.heap) {
          merged.add(element);
        }
      }
      return merged;
    }

    @Override
    public List<T> extractOutput(BoundedHeap<T> accumulator) {
      return accumulator.asSortedList();
    }

    @Override
    public Coder<BoundedHeap<T>> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return new BoundedHeapCoder<>(inputCoder, count, compareFn);
    }

    @Override
    public Coder<List<T>> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  /**
   * The accumulator of {@link TopCombineFn}: at most {@code capacity} elements, the largest seen,
   * in a min-heap so a smaller input is rejected in constant time. Mutable, not thread-safe.
   */
  public static final class BoundedHeap<T> {
    final int capacity;
    final Comparator<T> comparator;
    final PriorityQueue<T> heap;

    BoundedHeap(int capacity, Comparator<T> comparator) {
      this.capacity = capacity;
      this.comparator = comparator;
      this.heap = new PriorityQueue<>(Math.max(1, Math.min(capacity, 64)), comparator);
    }

    void add(T element) {
      if (heap.size() < capacity) {
        heap.add(element);
      } else if (capacity > 0 && comparator.compare(element, heap.peek()) > 0) {
        heap.poll();
        heap.add(element);
      }
    }

    /** The kept elements, largest first. */
    public List<T> asSortedList() {
      List<T> sorted = new ArrayList<>(heap);
      sorted.sort(comparator.reversed());
      return sorted;
    }

    @Override
    public String toString() {
      return "BoundedHeap" + asSortedList();
    }
  }
}
