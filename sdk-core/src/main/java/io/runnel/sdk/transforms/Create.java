package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.NullableCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.sdk.values.TypeDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded collection from values given at construction: {@code Create.of("a", "b")}, or with
 * timestamps, {@code Create.timestamped(TimestampedValue.of("a", t))}. The values are encoded
 * when the transform is applied (a value the coder cannot encode fails then, naming it); the
 * coder is inferred from the values' classes unless given with {@code withCoder}.
 *
 * <p>As in Beam, both transforms read a splittable bounded source holding the encoded values
 * ({@code Read.from(source)}, named {@code Read(CreateSource)}), so a runner may read them in
 * several bundles, in parallel: a pipeline rooted in a {@code Create} runs on every thread
 * without a {@code Reshuffle}. The split points are not part of the contract (as for any
 * bounded source); the values are. An empty {@code Create} reads a source with no values, and
 * its collection still has the given coder. Values of {@code Create.of} have the minimum
 * timestamp; those of {@code Create.timestamped} their own, exactly, which must lie in
 * [{@code BoundedWindow.TIMESTAMP_MIN_VALUE}, {@code BoundedWindow.TIMESTAMP_MAX_VALUE}].
 */
public final class Create {
  private Create() {}

  /** A collection of {@code values}. */
  @SafeVarargs
  public static <T> Values<T> of(T value, T... more) {
    List<T> values = new ArrayList<>();
    values.add(value);
    if (more == null) {
      // Create.of(x, null) passes a null array, not an array holding null: one null value.
      values.add(null);
    } else {
      values.addAll(Arrays.asList(more));
    }
    return new Values<>(values, null, null);
  }

  /** A collection of {@code values}; give a coder with {@code withCoder} if it may be empty. */
  public static <T> Values<T> of(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    return new Values<>(list, null, null);
  }

  /** An empty collection with {@code coder}. */
  public static <T> Values<T> empty(Coder<T> coder) {
    return new Values<>(List.of(), coder, null);
  }

  /** An empty collection whose coder is inferred from {@code type}. */
  public static <T> Values<T> empty(TypeDescriptor<T> type) {
    return new Values<>(List.of(), null, type);
  }

  /** A collection of values with timestamps. */
  @SafeVarargs
  public static <T> TimestampedValues<T> timestamped(TimestampedValue<T> value, TimestampedValue<T>... more) {
    List<TimestampedValue<T>> values = new ArrayList<>();
    values.add(value);
    values.addAll(Arrays.asList(more));
    return new TimestampedValues<>(values, null);
  }

  /** A collection of values with timestamps. */
  public static <T> TimestampedValues<T> timestamped(Iterable<TimestampedValue<T>> values) {
    List<TimestampedValue<T>> list = new ArrayList<>();
    values.forEach(list::add);
    return new TimestampedValues<>(list, null);
  }

  /**
   * A collection of {@code values}, the i-th at the i-th of {@code timestamps} (milliseconds since
   * the epoch), as Beam's method of this signature.
   *
   * @throws IllegalArgumentException when the two have different lengths
   */
  public static <T> TimestampedValues<T> timestamped(Iterable<T> values, Iterable<Long> timestamps) {
    List<TimestampedValue<T>> list = new ArrayList<>();
    java.util.Iterator<Long> times = timestamps.iterator();
    int count = 0;
    for (T value : values) {
      if (!times.hasNext()) {
        throw new IllegalArgumentException("Create.timestamped: " + (count + 1) + " or more values"
            + " but only " + count + " timestamps; give one timestamp per value");
      }
      list.add(TimestampedValue.of(value, java.time.Instant.ofEpochMilli(times.next())));
      count++;
    }
    if (times.hasNext()) {
      throw new IllegalArgumentException("Create.timestamped: " + count + " values but more"
          + " timestamps; give one timestamp per value");
    }
    return new TimestampedValues<>(list, null);
  }

  /** See {@link Create#of}. */
  public static final class Values<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final transient List<T> values;
    private final Coder<T> coder;
    private final transient TypeDescriptor<T> type;

    Values(List<T> values, Coder<T> coder, TypeDescriptor<T> type) {
      this.values = values;
      this.coder = coder;
      this.type = type;
    }

    /** This transform encoding the values with {@code coder}. */
    public Values<T> withCoder(Coder<T> newCoder) {
      return new Values<>(values, newCoder, type);
    }

    /** This transform inferring the coder from {@code newType}. */
    public Values<T> withType(TypeDescriptor<T> newType) {
      return new Values<>(values, coder, newType);
    }

    public List<T> getElements() {
      return values;
    }

    /**
     * Reads the values from a {@link CreateSource} holding them encoded with the element coder:
     * {@code Read.from(source)}, so a runner may split them into bundles.
     */
    @Override
    public PCollection<T> expand(PBegin input) {
      Coder<T> elementCoder = resolveCoder(input.getPipeline().getCoderRegistry(), values, coder, type);
      CreateSource<T> source = CreateSource.fromValues(values, elementCoder, currentName(input));
      return input.apply(Read.from(source));
    }

    @Override
    protected String getKindString() {
      return "Create.Values";
    }
  }

  /** See {@link Create#timestamped}. */
  public static final class TimestampedValues<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final transient List<TimestampedValue<T>> values;
    private final Coder<T> coder;

    TimestampedValues(List<TimestampedValue<T>> values, Coder<T> coder) {
      this.values = values;
      this.coder = coder;
    }

    /** This transform encoding the values with {@code coder}. */
    public TimestampedValues<T> withCoder(Coder<T> newCoder) {
      return new TimestampedValues<>(values, newCoder);
    }

    /**
     * Reads the values with their timestamps from a {@link CreateSource}, whose reader gives each
     * value its own timestamp, exactly.
     */
    @Override
    public PCollection<T> expand(PBegin input) {
      List<T> plain = new ArrayList<>(values.size());
      values.forEach(v -> plain.add(v.getValue()));
      Coder<T> elementCoder = resolveCoder(input.getPipeline().getCoderRegistry(), plain, coder, null);
      CreateSource<T> source =
          CreateSource.fromTimestampedValues(values, elementCoder, currentName(input));
      return input.apply(Read.from(source));
    }

    @Override
    protected String getKindString() {
      return "Create.TimestampedValues";
    }
  }

  private static String currentName(PBegin input) {
    return input.getPipeline().getGraphInternal().getCurrent().getFullName();
  }

  private static <T> Coder<T> resolveCoder(
      CoderRegistry registry, List<T> values, Coder<T> coder, TypeDescriptor<T> type) {
    if (coder != null) {
      return coder;
    }
    try {
      if (type != null) {
        return registry.getCoder(type);
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("Create of no values cannot infer a coder; use"
            + " Create.empty(coder) or .withCoder(coder)");
      }
      @SuppressWarnings("unchecked")
      Coder<T> inferred = (Coder<T>) inferFromValues(registry, values);
      return inferred;
    } catch (CannotProvideCoderException e) {
      throw new IllegalArgumentException("Create cannot infer a coder for its values: "
          + e.getMessage() + ". Fix: give one with .withCoder(coder)", e);
    }
  }

  /** A coder for all of {@code values}, looking into KVs and allowing nulls. */
  private static Coder<?> inferFromValues(CoderRegistry registry, List<?> values)
      throws CannotProvideCoderException {
    boolean hasNull = false;
    Class<?> common = null;
    for (Object value : values) {
      if (value == null) {
        hasNull = true;
      } else if (common == null) {
        common = value.getClass();
      } else if (!common.equals(value.getClass())) {
        throw new CannotProvideCoderException("the values have different classes: "
            + common.getName() + " and " + value.getClass().getName());
      }
    }
    if (common == null) {
      // Only nulls: Beam takes null for a Void (Create.of((Void) null), KV.of(null, v)).
      return VoidCoder.of();
    }
    Coder<?> coder;
    if (common == KV.class) {
      List<Object> keys = new ArrayList<>();
      List<Object> vals = new ArrayList<>();
      for (Object value : values) {
        if (value != null) {
          keys.add(((KV<?, ?>) value).getKey());
          vals.add(((KV<?, ?>) value).getValue());
        }
      }
      coder = KvCoder.of(inferFromValues(registry, keys), inferFromValues(registry, vals));
    } else {
      coder = registry.getCoder(common);
    }
    return hasNull ? NullableCoder.of(coder) : coder;
  }
}
