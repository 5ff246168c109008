package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assertions on all elements of a {@code PCollection}, made by {@link PAssert#that}. */
public final class IterableAssert<T> {
  private final PCollection<?> actual;
  private final Coder<T> elementCoder;
  private final String reason;
  private final SerializableFunction<Iterable<Object>, Iterable<T>> extract;

  @SuppressWarnings("unchecked")
  IterableAssert(PCollection<T> actual, String reason) {
    this(actual, actual.getCoder(), reason, values -> (Iterable<T>) (Iterable<?>) values);
  }

  private IterableAssert(PCollection<?> actual, Coder<T> elementCoder, String reason,
      SerializableFunction<Iterable<Object>, Iterable<T>> extract) {
    this.actual = actual;
    this.elementCoder = elementCoder;
    this.reason = reason;
    this.extract = extract;
  }

  @SuppressWarnings("unchecked")
  static <T> IterableAssert<T> ofSingletonIterable(PCollection<? extends Iterable<T>> actual) {
    Coder<T> elementCoder = ((IterableCoder<T>) (Coder<?>) actual.getCoder()).getElemCoder();
    String reason = "PAssert.thatSingletonIterable(" + actual.getName() + ")";
    return new IterableAssert<>(actual, elementCoder, reason,
        values -> (Iterable<T>) Checkers.single(values, reason));
  }

  /** Asserts the elements are exactly {@code expected}, in any order, duplicates counted. */
  @SafeVarargs
  public final IterableAssert<T> containsInAnyOrder(T... expected) {
    return containsInAnyOrder(Arrays.asList(expected));
  }

  /** Asserts the elements are exactly {@code expected}, in any order, duplicates counted. */
  public IterableAssert<T> containsInAnyOrder(Iterable<T> expected) {
    List<T> list = new ArrayList<>();
    expected.forEach(list::add);
    Checkers.AnyOrder<T> check = new Checkers.AnyOrder<>(elementCoder, list, reason);
    return satisfies(check);
  }

  /** Asserts there are no elements. */
  public IterableAssert<T> empty() {
    return containsInAnyOrder(List.of());
  }

  /** Runs {@code check} on the elements; it fails the assertion by throwing an AssertionError. */
  public IterableAssert<T> satisfies(SerializableFunction<Iterable<T>, Void> check) {
    SerializableFunction<Iterable<Object>, Iterable<T>> extractor = extract;
    AssertionTransforms.apply(actual, reason, values -> check.apply(extractor.apply(values)));
    return this;
  }
}
