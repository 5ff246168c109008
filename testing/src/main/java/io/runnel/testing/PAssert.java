package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.MapCoder;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import java.util.Map;

/**
 * Assertions on the contents of {@code PCollection}s, checked when the pipeline runs:
 *
 * <pre>{@code
 * PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
 * PAssert.thatSingleton(total).isEqualTo(3L);
 * }</pre>
 *
 * A failing assertion fails the run with an {@link AssertionError} that lists what was expected,
 * what was found, and the differences. {@link TestPipeline} also fails a test whose assertions
 * never ran.
 */
public final class PAssert {
  private PAssert() {}

  /** Assertions on all elements of {@code actual}. */
  public static <T> IterableAssert<T> that(PCollection<T> actual) {
    return new IterableAssert<>(actual, "PAssert.that(" + actual.getName() + ")");
  }

  /** Assertions on all elements of {@code actual}, with {@code reason} in failure messages. */
  public static <T> IterableAssert<T> that(String reason, PCollection<T> actual) {
    return new IterableAssert<>(actual, reason);
  }

  /** Assertions on the only element of {@code actual}; fails if it has none or several. */
  public static <T> SingletonAssert<T> thatSingleton(PCollection<T> actual) {
    return new SingletonAssert<>(actual, actual.getCoder(), "PAssert.thatSingleton(" + actual.getName() + ")",
        SingletonAssert.identity());
  }

  /** Assertions on the only element of {@code actual}, with {@code reason} in failure messages. */
  public static <T> SingletonAssert<T> thatSingleton(String reason, PCollection<T> actual) {
    return new SingletonAssert<>(actual, actual.getCoder(), reason, SingletonAssert.identity());
  }

  /** Assertions on the only element of a collection of iterables. */
  public static <T> IterableAssert<T> thatSingletonIterable(PCollection<? extends Iterable<T>> actual) {
    return IterableAssert.ofSingletonIterable(actual);
  }

  /** Assertions on a keyed collection viewed as a map; fails if a key appears twice. */
  public static <K, V> SingletonAssert<Map<K, V>> thatMap(PCollection<KV<K, V>> actual) {
    KvCoder<K, V> kv = (KvCoder<K, V>) actual.getCoder();
    return new SingletonAssert<>(actual, MapCoder.of(kv.getKeyCoder(), kv.getValueCoder()),
        "PAssert.thatMap(" + actual.getName() + ")", Checkers.toMap());
  }

  /** Assertions on a keyed collection viewed as a map from key to all of its values. */
  public static <K, V> SingletonAssert<Map<K, Iterable<V>>> thatMultimap(PCollection<KV<K, V>> actual) {
    KvCoder<K, V> kv = (KvCoder<K, V>) actual.getCoder();
    Coder<Map<K, Iterable<V>>> coder = MapCoder.of(kv.getKeyCoder(), IterableCoder.of(kv.getValueCoder()));
    return new SingletonAssert<>(actual, coder, "PAssert.thatMultimap(" + actual.getName() + ")",
        Checkers.toMultimap());
  }

  /** A check on an iterable of actual values; throw {@link AssertionError} to fail. */
  static <T> SerializableFunction<Iterable<T>, Void> noop() {
    return values -> null;
  }
}
