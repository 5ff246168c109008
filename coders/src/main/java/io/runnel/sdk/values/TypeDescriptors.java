package io.runnel.sdk.values;

import io.runnel.sdk.values.internal.GenericTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Descriptors of common types, as Beam's {@code TypeDescriptors}: {@code
 * TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())} describes {@code
 * KV<String, Long>}. Useful where a lambda erased its types, as in {@code
 * MapElements.into(...)}. All methods return immutable values.
 */
public final class TypeDescriptors {
  private TypeDescriptors() {}

  public static TypeDescriptor<String> strings() {
    return TypeDescriptor.of(String.class);
  }

  public static TypeDescriptor<Integer> integers() {
    return TypeDescriptor.of(Integer.class);
  }

  public static TypeDescriptor<Long> longs() {
    return TypeDescriptor.of(Long.class);
  }

  public static TypeDescriptor<Double> doubles() {
    return TypeDescriptor.of(Double.class);
  }

  public static TypeDescriptor<Float> floats() {
    return TypeDescriptor.of(Float.class);
  }

  public static TypeDescriptor<Boolean> booleans() {
    return TypeDescriptor.of(Boolean.class);
  }

  public static TypeDescriptor<Byte> bytes() {
    return TypeDescriptor.of(Byte.class);
  }

  /** {@code Void}, the type of a value that is always null. */
  public static TypeDescriptor<Void> nulls() {
    return TypeDescriptor.of(Void.class);
  }

  /** {@code Void}; the same as {@link #nulls()}. */
  public static TypeDescriptor<Void> voids() {
    return nulls();
  }

  /** {@code KV<K, V>}. */
  @SuppressWarnings("unchecked")
  public static <K, V> TypeDescriptor<KV<K, V>> kvs(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    return (TypeDescriptor<KV<K, V>>) TypeDescriptor.of(
        GenericTypes.parameterized(KV.class, key.getType(), value.getType()));
  }

  /** {@code List<T>}. */
  @SuppressWarnings("unchecked")
  public static <T> TypeDescriptor<List<T>> lists(TypeDescriptor<T> element) {
    return (TypeDescriptor<List<T>>) TypeDescriptor.of(GenericTypes.parameterized(List.class, element.getType()));
  }

  /** {@code Iterable<T>}. */
  @SuppressWarnings("unchecked")
  public static <T> TypeDescriptor<Iterable<T>> iterables(TypeDescriptor<T> element) {
    return (TypeDescriptor<Iterable<T>>) TypeDescriptor.of(
        GenericTypes.parameterized(Iterable.class, element.getType()));
  }

  /** {@code Set<T>}. */
  @SuppressWarnings("unchecked")
  public static <T> TypeDescriptor<Set<T>> sets(TypeDescriptor<T> element) {
    return (TypeDescriptor<Set<T>>) TypeDescriptor.of(GenericTypes.parameterized(Set.class, element.getType()));
  }

  /** {@code Map<K, V>}. */
  @SuppressWarnings("unchecked")
  public static <K, V> TypeDescriptor<Map<K, V>> maps(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    return (TypeDescriptor<Map<K, V>>) TypeDescriptor.of(
        GenericTypes.parameterized(Map.class, key.getType(), value.getType()));
  }
}
