package io.runnel.sdk.values;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * An immutable key/value pair, the element type of keyed transforms such as {@code GroupByKey}.
 * Keys and values may be null. Equality compares arrays by content, as Beam does.
 */
public final class KV<K, V> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final K key;
  private final V value;

  private KV(K key, V value) {
    this.key = key;
    this.value = value;
  }

  /** The pair {@code (key, value)}. */
  public static <K, V> KV<K, V> of(K key, V value) {
    return new KV<>(key, value);
  }

  public K getKey() {
    return key;
  }

  public V getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KV<?, ?> other
        && Objects.deepEquals(key, other.key)
        && Objects.deepEquals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(new Object[] {key}) + Arrays.deepHashCode(new Object[] {value});
  }

  @Override
  public String toString() {
    return "KV{" + deepToString(key) + ", " + deepToString(value) + "}";
  }

  private static String deepToString(Object o) {
    String s = Arrays.deepToString(new Object[] {o});
    return s.substring(1, s.length() - 1);
  }

  /** Orders KVs by key. */
  public static class OrderByKey<K extends Comparable<? super K>, V>
      implements Comparator<KV<K, V>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(KV<K, V> a, KV<K, V> b) {
      return a.key.compareTo(b.key);
    }
  }

  /** Orders KVs by value. */
  public static class OrderByValue<K, V extends Comparable<? super V>>
      implements Comparator<KV<K, V>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(KV<K, V> a, KV<K, V> b) {
      return a.value.compareTo(b.value);
    }
  }
}
