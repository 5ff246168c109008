package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.PCollection;

/** Assertions on the single value a {@code PCollection} holds, made by {@link PAssert#thatSingleton}. */
public final class SingletonAssert<T> {
  private final PCollection<?> actual;
  private final Coder<T> coder;
  private final String reason;
  private final SerializableFunction<Iterable<Object>, T> extract;

  SingletonAssert(PCollection<?> actual, Coder<T> coder, String reason,
      SerializableFunction<Iterable<Object>, T> extract) {
    this.actual = actual;
    this.coder = coder;
    this.reason = reason;
    this.extract = extract;
  }

  @SuppressWarnings("unchecked")
  static <T> SerializableFunction<Iterable<Object>, T> identity() {
    return values -> (T) Checkers.single(values, "the collection");
  }

  /** Asserts the value equals {@code expected} (compared through the coder). */
  public SingletonAssert<T> isEqualTo(T expected) {
    return satisfies(new Checkers.EqualTo<>(coder, expected, reason, true));
  }

  /** Asserts the value differs from {@code unexpected}. */
  public SingletonAssert<T> notEqualTo(T unexpected) {
    return satisfies(new Checkers.EqualTo<>(coder, unexpected, reason, false));
  }

  /** Runs {@code check} on the value; it fails the assertion by throwing an AssertionError. */
  public SingletonAssert<T> satisfies(SerializableFunction<T, Void> check) {
    SerializableFunction<Iterable<Object>, T> extractor = extract;
    String why = reason;
    AssertionTransforms.apply(actual, reason, values -> {
      T value;
      try {
        value = extractor.apply(values);
      } catch (IllegalArgumentException e) {
        throw new AssertionError(why + ": " + e.getMessage(), e);
      }
      return check.apply(value);
    });
    return this;
  }
}
