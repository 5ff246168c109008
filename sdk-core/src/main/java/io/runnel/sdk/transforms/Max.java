package io.runnel.sdk.transforms;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The largest element: globally ({@code integersGlobally()}, {@code globally(comparator)}), per
 * key ({@code longsPerKey()}, {@code perKey(comparator)}) or as a {@code CombineFn}. The
 * primitive versions start from an identity, so the global max of an empty collection (in
 * the global window) is that identity: {@code Integer.MIN_VALUE}, {@code Long.MIN_VALUE},
 * {@code Double.NEGATIVE_INFINITY}. The comparator versions have no identity unless one is given; there,
 * the global max of an empty collection is an error unless {@code .withoutDefaults()} is
 * used. Of equal elements, the first one seen is kept. Null inputs are rejected.
 */
public final class Max {
  private Max() {}

  /** The largest {@code Integer}, per window; {@code Integer.MIN_VALUE} if there is none. */
  public static Combine.Globally<Integer, Integer> integersGlobally() {
    return Combine.globally(ofIntegers());
  }

  /** The largest {@code Integer} of each key, per window. */
  public static <K> Combine.PerKey<K, Integer, Integer> integersPerKey() {
    return Combine.perKey(ofIntegers());
  }

  /** The largest {@code Long}, per window; {@code Long.MIN_VALUE} if there is none. */
  public static Combine.Globally<Long, Long> longsGlobally() {
    return Combine.globally(ofLongs());
  }

  /** The largest {@code Long} of each key, per window. */
  public static <K> Combine.PerKey<K, Long, Long> longsPerKey() {
    return Combine.perKey(ofLongs());
  }

  /** The largest {@code Double}, per window; {@code Double.NEGATIVE_INFINITY} if there is none. */
  public static Combine.Globally<Double, Double> doublesGlobally() {
    return Combine.globally(ofDoubles());
  }

  /** The largest {@code Double} of each key, per window. */
  public static <K> Combine.PerKey<K, Double, Double> doublesPerKey() {
    return Combine.perKey(ofDoubles());
  }

  /** The largest element by {@code comparator}, per window. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable>
      Combine.Globally<T, T> globally(ComparatorT comparator) {
    return Combine.globally(Max.<T, ComparatorT>of(comparator));
  }

  /** The largest element in natural order, per window. */
  public static <T extends Comparable<? super T>> Combine.Globally<T, T> globally() {
    return Combine.globally(Max.<T>naturalOrder());
  }

  /** The largest value of each key by {@code comparator}, per window. */
  public static <K, V, ComparatorT extends Comparator<? super V> & Serializable>
      Combine.PerKey<K, V, V> perKey(ComparatorT comparator) {
    return Combine.perKey(Max.<V, ComparatorT>of(comparator));
  }

  /** The largest value of each key in natural order, per window. */
  public static <K, V extends Comparable<? super V>> Combine.PerKey<K, V, V> perKey() {
    return Combine.perKey(Max.<V>naturalOrder());
  }

  /** A {@code CombineFn} keeping the largest input by {@code comparator}, starting from {@code identity}. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable>
      Combine.BinaryCombineFn<T> of(T identity, ComparatorT comparator) {
    return ExtremumFn.max(comparator, identity);
  }

  /** A {@code CombineFn} keeping the largest input by {@code comparator}. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable>
      Combine.BinaryCombineFn<T> of(ComparatorT comparator) {
    return ExtremumFn.max(comparator, null);
  }

  /** A {@code CombineFn} keeping the largest input in natural order, starting from {@code identity}. */
  public static <T extends Comparable<? super T>> Combine.BinaryCombineFn<T> naturalOrder(T identity) {
    return ExtremumFn.max(new Top.Natural<T>(), identity);
  }

  /** A {@code CombineFn} keeping the largest input in natural order. */
  public static <T extends Comparable<? super T>> Combine.BinaryCombineFn<T> naturalOrder() {
    return ExtremumFn.max(new Top.Natural<T>(), null);
  }

  /** A {@code CombineFn} keeping the largest {@code Integer}; identity {@code Integer.MIN_VALUE}. */
  public static Combine.BinaryCombineIntegerFn ofIntegers() {
    return new IntegerFn();
  }

  /** A {@code CombineFn} keeping the largest {@code Long}; identity {@code Long.MIN_VALUE}. */
  public static Combine.BinaryCombineLongFn ofLongs() {
    return new LongFn();
  }

  /** A {@code CombineFn} keeping the largest {@code Double}; identity {@code Double.NEGATIVE_INFINITY}. */
  public static Combine.BinaryCombineDoubleFn ofDoubles() {
    return new DoubleFn();
  }

  private static final class IntegerFn extends Combine.BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;

    @Override
    public int apply(int left, int right) {
      return Math.max(left, right);
    }

    @Override
    public int identity() {
      return Integer.MIN_VALUE;
    }
  }

  private static final class LongFn extends Combine.BinaryCombineLongFn {
    private static final long serialVersionUID = 1L;

    @Override
    public long apply(long left, long right) {
      return Math.max(left, right);
    }

    @Override
    public long identity() {
      return Long.MIN_VALUE;
    }
  }

  private static final class DoubleFn extends Combine.BinaryCombineDoubleFn {
    private static final long serialVersionUID = 1L;

    @Override
    public double apply(double left, double right) {
      return Math.max(left, right);
    }

    @Override
    public double identity() {
      return Double.NEGATIVE_INFINITY;
    }
  }
}
