package io.runnel.sdk.transforms.join;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PInput;
import io.runnel.sdk.values.POutput;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a {@link CoGroupByKey}: keyed collections with the same key type, each under its
 * own {@link TupleTag}. {@code KeyedPCollectionTuple.of(usersTag, users).and(ordersTag,
 * orders).apply(CoGroupByKey.create())}. Immutable; {@code and} returns a new tuple.
 */
public final class KeyedPCollectionTuple<K> implements PInput {
  private final Pipeline pipeline;
  private final List<TaggedKeyedPCollection<K, ?>> keyedCollections;

  private KeyedPCollectionTuple(Pipeline pipeline, List<TaggedKeyedPCollection<K, ?>> keyedCollections) {
    this.pipeline = pipeline;
    this.keyedCollections = Collections.unmodifiableList(keyedCollections);
  }

  /** A tuple with no inputs, in {@code pipeline}. */
  public static <K> KeyedPCollectionTuple<K> empty(Pipeline pipeline) {
    return new KeyedPCollectionTuple<>(pipeline, new ArrayList<>());
  }

  /** A tuple of {@code pc} under {@code tag}. */
  public static <K, InputT> KeyedPCollectionTuple<K> of(TupleTag<InputT> tag, PCollection<KV<K, InputT>> pc) {
    return KeyedPCollectionTuple.<K>empty(pc.getPipeline()).and(tag, pc);
  }

  /** A tuple of {@code pc} under a tag with id {@code tag}. */
  public static <K, InputT> KeyedPCollectionTuple<K> of(String tag, PCollection<KV<K, InputT>> pc) {
    return of(new TupleTag<>(tag), pc);
  }

  /** This tuple with {@code pc} added under {@code tag}, which must not be in it yet. */
  public <V> KeyedPCollectionTuple<K> and(TupleTag<V> tag, PCollection<KV<K, V>> pc) {
    if (pc.getPipeline() != pipeline) {
      throw new IllegalArgumentException("KeyedPCollectionTuple: " + pc + " belongs to another pipeline");
    }
    for (TaggedKeyedPCollection<K, ?> existing : keyedCollections) {
      if (existing.getTupleTag().equals(tag)) {
        throw new IllegalArgumentException("KeyedPCollectionTuple: tag " + tag + " is used for both "
            + existing.getCollection() + " and " + pc + "; give each input its own tag");
      }
    }
    List<TaggedKeyedPCollection<K, ?>> more = new ArrayList<>(keyedCollections);
    more.add(new TaggedKeyedPCollection<>(tag, pc));
    return new KeyedPCollectionTuple<>(pipeline, more);
  }

  /** This tuple with {@code pc} added under a tag with id {@code tag}. */
  public <V> KeyedPCollectionTuple<K> and(String tag, PCollection<KV<K, V>> pc) {
    return and(new TupleTag<>(tag), pc);
  }

  public boolean isEmpty() {
    return keyedCollections.isEmpty();
  }

  /** The inputs, in the order they were added (their union indices). */
  public List<TaggedKeyedPCollection<K, ?>> getKeyedCollections() {
    return keyedCollections;
  }

  /** The schema of the inputs' tags, in order. */
  public CoGbkResultSchema getCoGbkResultSchema() {
    List<TupleTag<?>> tags = new ArrayList<>();
    keyedCollections.forEach(c -> tags.add(c.getTupleTag()));
    return CoGbkResultSchema.of(tags);
  }

  public <OutputT extends POutput> OutputT apply(PTransform<? super KeyedPCollectionTuple<K>, OutputT> transform) {
    return pipeline.applyTransform(this, transform);
  }

  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<? super KeyedPCollectionTuple<K>, OutputT> transform) {
    return pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    keyedCollections.forEach(c -> values.put(c.getTupleTag(), c.getCollection()));
    return values;
  }

  /** One input of a {@link KeyedPCollectionTuple}: a keyed collection and its tag. */
  public static final class TaggedKeyedPCollection<K, V> {
    private final TupleTag<V> tupleTag;
    private final PCollection<KV<K, V>> pCollection;

    TaggedKeyedPCollection(TupleTag<V> tupleTag, PCollection<KV<K, V>> pCollection) {
      this.tupleTag = tupleTag;
      this.pCollection = pCollection;
    }

    public PCollection<KV<K, V>> getCollection() {
      return pCollection;
    }

    public TupleTag<V> getTupleTag() {
      return tupleTag;
    }
  }
}
