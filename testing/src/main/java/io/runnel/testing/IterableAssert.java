package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assertions on all elements of a {@code PCollection}, made by {@link PAssert#that}. */
public final class IterableAssert<T> {
  private final PCollection<?> actual;
  private final Coder<T> elementCoder;
  private final String reason;
  private final SerializableFunction<Iterable<Object>, Iterable<T>> extract;
  private final PaneFilter filter;

  @SuppressWarnings("unchecked")
  IterableAssert(PCollection<T> actual, String reason) {
    this(actual, actual.getCoder(), reason, values -> (Iterable<T>) (Iterable<?>) values, null);
  }

  private IterableAssert(PCollection<?> actual, Coder<T> elementCoder, String reason,
      SerializableFunction<Iterable<Object>, Iterable<T>> extract, PaneFilter filter) {
    this.actual = actual;
    this.elementCoder = elementCoder;
    this.reason = reason;
    this.extract = extract;
    this.filter = filter;
  }

  /** Asserts on the elements of {@code window} only, from all of its panes. */
  public IterableAssert<T> inWindow(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.ALL);
  }

  /** Asserts on the elements of {@code window}'s ON_TIME pane. */
  public IterableAssert<T> inOnTimePane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.ON_TIME);
  }

  /** Asserts on the elements of {@code window}'s final pane. */
  public IterableAssert<T> inFinalPane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.FINAL);
  }

  /** Asserts on the elements of {@code window}'s EARLY panes. */
  public IterableAssert<T> inEarlyPane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.EARLY);
  }

  /** Asserts on the elements of {@code window}'s LATE panes. */
  public IterableAssert<T> inLatePane(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.LATE);
  }

  /** Asserts on the elements of all of {@code window}'s EARLY and ON_TIME panes together. */
  public IterableAssert<T> inCombinedNonLatePanes(BoundedWindow window) {
    return inPanes(window, PaneFilter.Panes.NON_LATE);
  }

  /** Asserts on the elements of the global window's EARLY panes. */
  public IterableAssert<T> inEarlyGlobalWindowPanes() {
    return inPanes(GlobalWindow.INSTANCE, PaneFilter.Panes.EARLY);
  }

  private IterableAssert<T> inPanes(BoundedWindow window, PaneFilter.Panes panes) {
    PaneFilter paneFilter = new PaneFilter(
        actual.getWindowingStrategy().getWindowFn().windowCoder(), window, panes);
    return new IterableAssert<>(actual, elementCoder, reason + "." + paneFilter.description(),
        extract, paneFilter);
  }

  @SuppressWarnings("unchecked")
  static <T> IterableAssert<T> ofSingletonIterable(PCollection<? extends Iterable<T>> actual) {
    Coder<T> elementCoder = ((IterableCoder<T>) (Coder<?>) actual.getCoder()).getElemCoder();
    String reason = "PAssert.thatSingletonIterable(" + actual.getName() + ")";
    return new IterableAssert<>(actual, elementCoder, reason,
        values -> (Iterable<T>) Checkers.single(values, reason), null);
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
    AssertionTransforms.apply(actual, filter, reason, values -> check.apply(extractor.apply(values)));
    return this;
  }
}
