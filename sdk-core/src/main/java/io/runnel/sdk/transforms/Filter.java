package io.runnel.sdk.transforms;

import io.runnel.sdk.values.PCollection;

/**
 * Keeps the elements that satisfy a predicate: {@code Filter.by(word -> !word.isEmpty())}. The
 * output has the input's coder. Also {@code lessThan}, {@code greaterThan} and friends.
 */
public final class Filter<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;
  private final ProcessFunction<T, Boolean> predicate;
  private final String description;

  private Filter(ProcessFunction<T, Boolean> predicate, String description) {
    this.predicate = predicate;
    this.description = description;
  }

  /** Keeps elements for which {@code predicate} returns true. */
  public static <T> Filter<T> by(ProcessFunction<T, Boolean> predicate) {
    return new Filter<>(predicate, "Filter");
  }

  /** Keeps elements for which {@code predicate} returns true. */
  public static <T> Filter<T> by(SerializableFunction<T, Boolean> predicate) {
    return new Filter<>(predicate, "Filter");
  }

  /** Keeps elements strictly less than {@code value}. */
  public static <T extends Comparable<? super T>> Filter<T> lessThan(T value) {
    return new Filter<>(e -> e.compareTo(value) < 0, "Filter.lessThan");
  }

  /** Keeps elements less than or equal to {@code value}. */
  public static <T extends Comparable<? super T>> Filter<T> lessThanEq(T value) {
    return new Filter<>(e -> e.compareTo(value) <= 0, "Filter.lessThanEq");
  }

  /** Keeps elements strictly greater than {@code value}. */
  public static <T extends Comparable<? super T>> Filter<T> greaterThan(T value) {
    return new Filter<>(e -> e.compareTo(value) > 0, "Filter.greaterThan");
  }

  /** Keeps elements greater than or equal to {@code value}. */
  public static <T extends Comparable<? super T>> Filter<T> greaterThanEq(T value) {
    return new Filter<>(e -> e.compareTo(value) >= 0, "Filter.greaterThanEq");
  }

  /** Keeps elements equal to {@code value}. */
  public static <T> Filter<T> equal(T value) {
    return new Filter<>(e -> java.util.Objects.equals(e, value), "Filter.equal");
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply(ParDo.of(new FilterFn<>(predicate))).setCoder(input.getCoder());
  }

  @Override
  protected String getKindString() {
    return description;
  }

  private static final class FilterFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final ProcessFunction<T, Boolean> predicate;

    FilterFn(ProcessFunction<T, Boolean> predicate) {
      this.predicate = predicate;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) throws Exception {
      if (Boolean.TRUE.equals(predicate.apply(element))) {
        out.output(element);
      }
    }
  }
}
