package io.runnel.sdk.transforms;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The smallest element: globally ({@code integersGlobally()}, {@code globally(comparator)}), per
 * key ({@code longsPerKey()}, {@code perKey(comparator)}) or as a {@code CombineFn}. The
 * primitive versions start from an identity, so the global min of an empty collection (in
 * the global window) is that identity: {@code Integer.MAX_VALUE}, {@code Long.MAX_VALUE},
 * {@code Double.POSITIVE_INFINITY}. The comparator versions have no identity unless one is given; there,
 * the global min of an empty collection is an error unless {@code .withoutDefaults()} is
 * used. Of equal elements, the first one seen is kept. Null inputs are rejected.
 */
public final class Min {
  private Min() {}

  /** The smallest {@code Integer}, per window; {@code Integer.MAX_VALUE} if there is none. */
  public static Combine.Globally<Integer, Integer> integersGlobally() {
    return Combine.globally(ofIntegers());
  }

  /** The smallest {@code Integer} of each key, per window. */
  public static <K> Combine.PerKey<K, Integer, Integer> integersPerKey() {
    return Combine.perKey(ofIntegers());
  }

  /** The smallest {@code Long}, per window; {@code Long.MAX_VALUE} if there is none. */
  public static Combine.Globally<Long, Long> longsGlobally() {
    return Combine.globally(ofLongs());
  }

  /** The smallest {@code Long} of each key, per window. */
  public static <K> Combine.PerKey<K, Long, Long> longsPerKey() {
    return Combine.perKey(ofLongs());
  }

  /** The smallest {@code Double}, per window; {@code Double.POSITIVE_INFINITY} if there is none. */
  public static Combine.Globally<Double, Double> doublesGlobally() {
    return Combine.globally(ofDoubles());
  }

  /** The smallest {@code Double} of each key, per window. */
  public static <K> Combine.PerKey<K, Double, Double> doublesPerKey() {
    return Combine.perKey(ofDoubles());
  }

  /** The smallest element by {@code comparator}, per window. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable>
      Combine.Globally<T, T> globally(ComparatorT comparator) {
    return Combine.globally(Min.<T, ComparatorT>of(comparator));
  }

  /** The smallest element in natural order, per window. */
  public static <T extends Comparable<? super T>> Combine.Globally<T, T> globally() {
    return Combine.globally(Min.<T>naturalOrder());
  }

  /** The smallest value of each key by {@code comparator}, per window. */
  public static <K, V, ComparatorT extends Comparator<? super V> & Serializable>
      Combine.PerKey<K, V, V> perKey(ComparatorT comparator) {
    return Combine.perKey(Min.<V, ComparatorT>of(comparator));
  }

  /** The smallest value of each key in natural order, per window. */
  public static <K, V extends Comparable<? super V>> Combine.PerKey<K, V, V> perKey() {
    return Combine.perKey(Min.<V>naturalOrder());
  }

  /** A {@code CombineFn} keeping the smallest input by {@code comparator}, starting from {@code identity}. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable>
      Combine.BinaryCombineFn<T> of(T identity, ComparatorT comparator) {
    return ExtremumFn.min(comparator, identity);
  }

  /** A {@code CombineFn} keeping the smallest input by {@code comparator}. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable>
      Combine.BinaryCombineFn<T> of(ComparatorT comparator) {
    return ExtremumFn.min(comparator, null);
  }

  /** A {@code CombineFn} keeping the smallest input in natural order, starting from {@code identity}. */
  public static <T extends Comparable<? super T>> Combine.BinaryCombineFn<T> naturalOrder(T identity) {
    return ExtremumFn.min(new Top.Natural<T>(), identity);
  }

  /** A {@code CombineFn} keeping the smallest input in natural order. */
  public static <T extends Comparable<? super T>> Combine.BinaryCombineFn<T> naturalOrder() {
    return ExtremumFn.min(new Top.Natural<T>(), null);
  }

  /** A {@code CombineFn} keeping the smallest {@code Integer}; identity {@code Integer.MAX_VALUE}. */
  public static Combine.BinaryCombineIntegerFn ofIntegers() {
    return new IntegerFn();
  }

  /** A {@code CombineFn} keeping the smallest {@code Long}; identity {@code Long.MAX_VALUE}. */
  public static Combine.BinaryCombineLongFn ofLongs() {
    return new LongFn();
  }

  /** A {@code CombineFn} keeping the smallest {@code Double}; identity {@code Double.POSITIVE_INFINITY}. */
  public static Combine.BinaryCombineDoubleFn ofDoubles() {
    return new DoubleFn();
  }

  private static final class IntegerFn extends Combine.BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;

    @Override
    public int apply(int left, int right) {
      return Math.min(left, right);
    }

    @Override
    public int identity() {
      return Integer.MAX_VALUE;
    }
  }

  private static final class LongFn extends Combine.BinaryCombineLongFn {
    private static final long serialVersionUID = 1L;

    @Override
    public long apply(long left, long right) {
      return Math.min(left, right);
    }

    @Override
    public long identity() {
      return Long.MAX_VALUE;
    }
  }

  private static final class DoubleFn extends Combine.BinaryCombineDoubleFn {
    private static final long serialVersionUID = 1L;

    @Override
    public double apply(double left, double right) {
      return Math.min(left, right);
    }

    @Override
    public double identity() {
      return Double.POSITIVE_INFINITY;
    }
  }
}
