package io.runnel.testing;

import io.runnel.sdk.Pipeline;
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
 * what was found, and the differences.
 *
 * <p>Each assertion reports its outcome through metrics, as Beam's does, so it counts wherever it
 * ran (in this JVM or a worker's): its check step increments the counter {@value
 * #SUCCESS_COUNTER} in the namespace of this class ({@code io.runnel.testing.PAssert}) when the
 * check passes, or {@value #FAILURE_COUNTER} before it throws. {@link TestPipeline} reads them
 * from the run's {@code PipelineResult.metrics()} and fails a test whose assertions did not each
 * succeed exactly once (see {@link TestPipeline#verifyPAssertsSucceeded}).
 */
public final class PAssert {
  /** The counter an assertion's check step increments when the check passes. */
  public static final String SUCCESS_COUNTER = "PAssertSuccess";

  /** The counter an assertion's check step increments when the check fails, before throwing. */
  public static final String FAILURE_COUNTER = "PAssertFailure";

  private PAssert() {}

  /** The number of assertions applied to {@code pipeline} so far, found in its graph. */
  public static int countAsserts(Pipeline pipeline) {
    return AssertionVerifier.assertionsOf(pipeline).size();
  }

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
