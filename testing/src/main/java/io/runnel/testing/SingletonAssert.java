package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;

/** Assertions on the single value a {@code PCollection} holds, made by {@link PAssert#thatSingleton}. */
public final class SingletonAssert<T> {
  private final PCollection<?> actual;
  private final Coder<T> coder;
  private final String reason;
  private final SerializableFunction<Iterable<Object>, T> extract;
  private final PaneFilter filter;

  SingletonAssert(PCollection<?> actual, Coder<T> coder, String reason,
      SerializableFunction<Iterable<Object>, T> extract) {
    this(actual, coder, reason, extract, null);
  }

  private SingletonAssert(PCollection<?> actual, Coder<T> coder, String reason,
      SerializableFunction<Iterable<Object>, T> extract, PaneFilter filter) {
    this.actual = actual;
    this.coder = coder;
    this.reason = reason;
    this.extract = extract;
    this.filter = filter;
  }

  /** Asserts on the value in {@code window}, from any of its panes. */
  public SingletonAssert<T> inWindow(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.ALL);
  }

  /** Asserts on the value in {@code window}'s ON_TIME pane. */
  public SingletonAssert<T> inOnTimePane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.ON_TIME);
  }

  /** Asserts on the value in {@code window}'s final pane. */
  public SingletonAssert<T> inFinalPane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.FINAL);
  }

  /** Asserts on the value in {@code window}'s EARLY pane. */
  public SingletonAssert<T> inEarlyPane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.EARLY);
  }

  /** Asserts on the value in {@code window}'s LATE pane. */
  public SingletonAssert<T> inLatePane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.LATE);
  }

  private SingletonAssert<T> inPanes(BoundedWindow window, PaneFilter.Panes panes) {
    PaneFilter paneFilter = new PaneFilter(
        actual.getWindowingStrategy().getWindowFn().windowCoder(), window, panes);
    return new SingletonAssert<>(actual, coder, reason + "." + paneFilter.description(), extract,
        paneFilter);
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
    AssertionTransforms.apply(actual, filter, reason, values -> {
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
