package io.runnel.sdk.transforms;

import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Transforms turning elements, pairs or iterables into their {@code toString()}s, as Beam's
 * class of this name. For any other formatting, map with your own function.
 */
public final class ToString {
  private static final String DEFAULT_DELIMITER = ",";

  private ToString() {}

  /** Each element's {@code toString()} ({@code "null"} for null). */
  public static PTransform<PCollection<?>, PCollection<String>> elements() {
    return new Format<Object>("ToString.Elements", String::valueOf);
  }

  /** Each pair as its key's {@code toString()}, {@code ","}, its value's. */
  public static PTransform<PCollection<? extends KV<?, ?>>, PCollection<String>> kvs() {
    return kvs(DEFAULT_DELIMITER);
  }

  /** Each pair as its key's {@code toString()}, {@code delimiter}, its value's. */
  public static PTransform<PCollection<? extends KV<?, ?>>, PCollection<String>> kvs(
      String delimiter) {
    Objects.requireNonNull(delimiter, "delimiter");
    return new Format<KV<?, ?>>("ToString.KVs",
        kv -> kv.getKey() + delimiter + kv.getValue());
  }

  /** Each iterable's items' {@code toString()}s joined by {@code ","}. */
  public static PTransform<PCollection<? extends Iterable<?>>, PCollection<String>> iterables() {
    return iterables(DEFAULT_DELIMITER);
  }

  /** Each iterable's items' {@code toString()}s joined by {@code delimiter}. */
  public static PTransform<PCollection<? extends Iterable<?>>, PCollection<String>> iterables(
      String delimiter) {
    Objects.requireNonNull(delimiter, "delimiter");
    return new Format<Iterable<?>>("ToString.Iterables", items -> {
      StringJoiner joined = new StringJoiner(delimiter);
      for (Object item : items) {
        joined.add(String.valueOf(item));
      }
      return joined.toString();
    });
  }

  /** Formats each element of a collection of {@code T}s (or of a subtype) with {@code format}. */
  private static final class Format<T> extends PTransform<PCollection<? extends T>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final SerializableFunction<T, String> format;

    Format(String kind, SerializableFunction<T, String> format) {
      this.kind = kind;
      this.format = format;
    }

    @Override
    @SuppressWarnings("unchecked")
    public PCollection<String> expand(PCollection<? extends T> input) {
      return ((PCollection<T>) input)
          .apply("ToString", MapElements.into(TypeDescriptors.strings()).via(format));
    }

    @Override
    protected String getKindString() {
      return kind;
    }
  }
}
