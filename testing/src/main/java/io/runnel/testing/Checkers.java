package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.KV;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks behind {@link PAssert}; expected values travel encoded with the collection's coder. */
final class Checkers {
  private Checkers() {}

  static Object single(Iterable<?> values, String what) {
    Iterator<?> it = values.iterator();
    if (!it.hasNext()) {
      throw new IllegalArgumentException("expected exactly one element in " + what + ", found none");
    }
    Object first = it.next();
    if (it.hasNext()) {
      List<Object> all = new ArrayList<>();
      values.forEach(all::add);
      throw new IllegalArgumentException("expected exactly one element in " + what + ", found "
          + all.size() + ": " + Differences.show(all));
    }
    return first;
  }

  @SuppressWarnings("unchecked")
  static <K, V> SerializableFunction<Iterable<Object>, Map<K, V>> toMap() {
    return values -> {
      Map<K, V> map = new LinkedHashMap<>();
      for (Object value : values) {
        KV<K, V> kv = (KV<K, V>) value;
        if (map.containsKey(kv.getKey())) {
          throw new IllegalArgumentException("key " + kv.getKey() + " appears more than once"
              + " (values " + map.get(kv.getKey()) + " and " + kv.getValue() + "); use thatMultimap");
        }
        map.put(kv.getKey(), kv.getValue());
      }
      return map;
    };
  }

  @SuppressWarnings("unchecked")
  static <K, V> SerializableFunction<Iterable<Object>, Map<K, Iterable<V>>> toMultimap() {
    return values -> {
      Map<K, List<V>> map = new LinkedHashMap<>();
      for (Object value : values) {
        KV<K, V> kv = (KV<K, V>) value;
        map.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      return (Map<K, Iterable<V>>) (Map<K, ?>) map;
    };
  }

  /** Elements equal to an expected multiset, in any order. */
  static final class AnyOrder<T> implements SerializableFunction<Iterable<T>, Void> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private final byte[] expected;
    private final String reason;

    AnyOrder(Coder<T> coder, List<T> expected, String reason) {
      this.coder = coder;
      this.expected = encode(ListCoder.of(coder), expected, reason);
      this.reason = reason;
    }

    @Override
    public Void apply(Iterable<T> actual) {
      List<T> expectedValues = decode(ListCoder.of(coder), expected);
      List<T> actualValues = new ArrayList<>();
      actual.forEach(actualValues::add);
      Differences<T> diff = Differences.between(coder, expectedValues, actualValues);
      if (!diff.isEmpty()) {
        throw new AssertionError(reason + ": elements differ from the expected ones (any order)\n"
            + diff.describe(expectedValues, actualValues));
      }
      return null;
    }
  }

  /** A value equal (or not) to an expected one, compared through its coder's structural value. */
  static final class EqualTo<T> implements SerializableFunction<T, Void> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private final byte[] expected;
    private final String reason;
    private final boolean equal;

    EqualTo(Coder<T> coder, T expected, String reason, boolean equal) {
      this.coder = coder;
      this.expected = encode(coder, expected, reason);
      this.reason = reason;
      this.equal = equal;
    }

    @Override
    public Void apply(T actual) {
      T expectedValue = decode(coder, expected);
      boolean same = coder.structuralValue(expectedValue).equals(coder.structuralValue(actual))
          || java.util.Objects.deepEquals(expectedValue, actual);
      if (same != equal) {
        throw new AssertionError(reason + (equal
            ? ": expected " + Differences.show(expectedValue) + " but was " + Differences.show(actual)
            : ": expected a value other than " + Differences.show(actual)));
      }
      return null;
    }
  }

  private static <T> byte[] encode(Coder<T> coder, T value, String reason) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalArgumentException(reason + ": the expected value " + value
          + " cannot be encoded with the collection's coder " + coder, e);
    }
  }

  private static <T> T decode(Coder<T> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot decode the expected value with " + coder, e);
    }
  }
}
