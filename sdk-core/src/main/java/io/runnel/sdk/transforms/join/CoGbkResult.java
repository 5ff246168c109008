package io.runnel.sdk.transforms.join;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.internal.VarInt;
import io.runnel.sdk.values.TupleTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The values of one key from each input of a {@link CoGroupByKey}, read by the input's tag:
 * {@code result.getAll(ordersTag)}, {@code result.getOnly(userTag)}. Immutable; the iterables it
 * returns are unmodifiable and may be read more than once.
 */
public final class CoGbkResult {
  private final CoGbkResultSchema schema;
  private final List<List<Object>> valuesByIndex;

  /** The values of {@code taggedValues}, each under the input its union tag names. */
  public CoGbkResult(CoGbkResultSchema schema, Iterable<RawUnionValue> taggedValues) {
    this(schema, split(schema, taggedValues));
  }

  private CoGbkResult(CoGbkResultSchema schema, List<List<Object>> valuesByIndex) {
    this.schema = schema;
    this.valuesByIndex = valuesByIndex;
  }

  /** A result with no inputs. */
  public static CoGbkResult empty() {
    return new CoGbkResult(CoGbkResultSchema.of(List.of()), List.<List<Object>>of());
  }

  /** A result with the one input {@code tag} holding {@code data}. */
  public static <V> CoGbkResult of(TupleTag<V> tag, List<V> data) {
    return empty().and(tag, data);
  }

  /** This result with the input {@code tag} holding {@code data} appended. */
  public <V> CoGbkResult and(TupleTag<V> tag, List<V> data) {
    List<TupleTag<?>> tags = new ArrayList<>(schema.getTupleTagList().getAll());
    tags.add(tag);
    List<List<Object>> values = new ArrayList<>(valuesByIndex);
    values.add(Collections.unmodifiableList(new ArrayList<>(data)));
    return new CoGbkResult(CoGbkResultSchema.of(tags), values);
  }

  public CoGbkResultSchema getSchema() {
    return schema;
  }

  /** Whether no input has a value for this key. */
  public boolean isEmpty() {
    for (List<Object> values : valuesByIndex) {
      if (!values.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** All values of the input {@code tag}; empty if it has none for this key. */
  @SuppressWarnings("unchecked")
  public <V> Iterable<V> getAll(TupleTag<V> tag) {
    return (Iterable<V>) valuesByIndex.get(schema.getIndex(tag));
  }

  /** All values of the input whose tag id is {@code tag}. */
  public <V> Iterable<V> getAll(String tag) {
    return getAll(new TupleTag<V>(tag));
  }

  /** The one value of the input {@code tag}; an error if it has none or several. */
  public <V> V getOnly(TupleTag<V> tag) {
    return only(tag, false, null);
  }

  /** The one value of the input whose tag id is {@code tag}; an error if none or several. */
  public <V> V getOnly(String tag) {
    return getOnly(new TupleTag<V>(tag));
  }

  /** The one value of the input {@code tag}, or {@code defaultValue} if none; an error if several. */
  public <V> V getOnly(TupleTag<V> tag, V defaultValue) {
    return only(tag, true, defaultValue);
  }

  /** Like {@link #getOnly(TupleTag, Object)}, by tag id. */
  public <V> V getOnly(String tag, V defaultValue) {
    return getOnly(new TupleTag<V>(tag), defaultValue);
  }

  @SuppressWarnings("unchecked")
  private <V> V only(TupleTag<V> tag, boolean hasDefault, V defaultValue) {
    List<Object> values = valuesByIndex.get(schema.getIndex(tag));
    if (values.size() > 1) {
      throw new IllegalArgumentException("CoGbkResult.getOnly(" + tag + "): the input has "
          + values.size() + " values for this key (first two: " + values.get(0) + ", "
          + values.get(1) + "); use getAll(tag)");
    }
    if (values.isEmpty()) {
      if (hasDefault) {
        return defaultValue;
      }
      throw new IllegalArgumentException("CoGbkResult.getOnly(" + tag + "): the input has no"
          + " value for this key; use getOnly(tag, defaultValue) or getAll(tag)");
    }
    return (V) values.get(0);
  }

  private static List<List<Object>> split(CoGbkResultSchema schema, Iterable<RawUnionValue> tagged) {
    List<List<Object>> values = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      values.add(new ArrayList<>());
    }
    for (RawUnionValue value : tagged) {
      int index = value.getUnionTag();
      if (index < 0 || index >= values.size()) {
        throw new IllegalArgumentException("union tag " + index + " of " + value
            + " is not an input of " + schema);
      }
      values.get(index).add(value.getValue());
    }
    values.replaceAll(Collections::unmodifiableList);
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoGbkResult other && schema.equals(other.schema)
        && valuesByIndex.equals(other.valuesByIndex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, valuesByIndex);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CoGbkResult{");
    for (int i = 0; i < valuesByIndex.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(schema.getTag(i)).append('=').append(valuesByIndex.get(i));
    }
    return s.append('}').toString();
  }

  /**
   * Encodes a {@link CoGbkResult} of a given schema: for each input in schema order, the number
   * of values, then the values with that input's coder from the {@link UnionCoder}.
   */
  public static final class CoGbkResultCoder extends Coder<CoGbkResult> {
    private static final long serialVersionUID = 1L;
    private final CoGbkResultSchema schema;
    private final UnionCoder unionCoder;

    private CoGbkResultCoder(CoGbkResultSchema schema, UnionCoder unionCoder) {
      if (schema.size() != unionCoder.getElementCoders().size()) {
        throw new IllegalArgumentException("CoGbkResultCoder: " + schema + " has " + schema.size()
            + " inputs but " + unionCoder + " has " + unionCoder.getElementCoders().size() + " coders");
      }
      this.schema = schema;
      this.unionCoder = unionCoder;
    }

    /** A coder of results of {@code schema}, whose input {@code i} has coder {@code i} of {@code unionCoder}. */
    public static CoGbkResultCoder of(CoGbkResultSchema schema, UnionCoder unionCoder) {
      return new CoGbkResultCoder(schema, unionCoder);
    }

    public CoGbkResultSchema getSchema() {
      return schema;
    }

    public UnionCoder getUnionCoder() {
      return unionCoder;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encode(CoGbkResult result, OutputStream out) throws IOException {
      if (!schema.equals(result.schema)) {
        throw new CoderException("cannot encode a result of " + result.schema + " with a coder of " + schema);
      }
      for (int i = 0; i < schema.size(); i++) {
        Coder<Object> coder = (Coder<Object>) unionCoder.getElementCoders().get(i);
        List<Object> values = result.valuesByIndex.get(i);
        VarInt.encode(values.size(), out);
        for (Object value : values) {
          coder.encode(value, out);
        }
      }
    }

    @Override
    public CoGbkResult decode(InputStream in) throws IOException {
      List<List<Object>> values = new ArrayList<>(schema.size());
      for (int i = 0; i < schema.size(); i++) {
        Coder<?> coder = unionCoder.getElementCoders().get(i);
        int size = VarInt.decodeInt(in);
        List<Object> list = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
          list.add(coder.decode(in));
        }
        values.add(Collections.unmodifiableList(list));
      }
      return new CoGbkResult(schema, values);
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(unionCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "the order of grouped values is not deterministic");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CoGbkResultCoder other && schema.equals(other.schema)
          && unionCoder.equals(other.unionCoder);
    }

    @Override
    public int hashCode() {
      return Objects.hash(schema, unionCoder);
    }
  }
}
