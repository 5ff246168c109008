package io.runnel.sdk.transforms;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The smallest or largest input by a comparator, for {@link Min} and {@link Max}. Without an
 * identity, combining nothing has no value: {@code Combine.globally} of an empty collection then
 * fails with an error that says how to fix it.
 */
final class ExtremumFn<T, ComparatorT extends Comparator<? super T> & Serializable>
    extends Combine.BinaryCombineFn<T> {
  private static final long serialVersionUID = 1L;
  private final ComparatorT comparator;
  private final T identity;
  private final boolean largest;

  private ExtremumFn(ComparatorT comparator, T identity, boolean largest) {
    this.comparator = java.util.Objects.requireNonNull(comparator, "comparator");
    this.identity = identity;
    this.largest = largest;
  }

  static <T, ComparatorT extends Comparator<? super T> & Serializable> ExtremumFn<T, ComparatorT> min(
      ComparatorT comparator, T identity) {
    return new ExtremumFn<>(comparator, identity, false);
  }

  static <T, ComparatorT extends Comparator<? super T> & Serializable> ExtremumFn<T, ComparatorT> max(
      ComparatorT comparator, T identity) {
    return new ExtremumFn<>(comparator, identity, true);
  }

  @Override
  public T apply(T left, T right) {
    int order = comparator.compare(left, right);
    // On ties keep the left (earlier) value.
    return (largest ? order >= 0 : order <= 0) ? left : right;
  }

  @Override
  public T identity() {
    return identity;
  }

  @Override
  public T defaultValue() {
    if (identity == null) {
      String kind = largest ? "Max" : "Min";
      throw new IllegalStateException(kind + ".globally of an empty collection has no value;"
          + " give an identity with " + kind + ".of(identity, comparator) or "
          + kind + ".naturalOrder(identity), or add .withoutDefaults() to output nothing");
    }
    return identity;
  }
}
