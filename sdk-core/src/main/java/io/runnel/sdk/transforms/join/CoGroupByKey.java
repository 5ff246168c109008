package io.runnel.sdk.transforms.join;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups several keyed collections by key and window at once, a relational join's first step:
 * for each key, a {@link CoGbkResult} with that key's values from every input (empty for inputs
 * without the key).
 *
 * <pre>{@code
 * PCollection<KV<String, CoGbkResult>> joined = KeyedPCollectionTuple.of(emailsTag, emails)
 *     .and(phonesTag, phones)
 *     .apply(CoGroupByKey.create());
 * }</pre>
 *
 * <p>All inputs must have a {@code KvCoder} with the same, deterministic key coder, and
 * compatible windowing; both are checked on apply.
 */
public final class CoGroupByKey<K> extends PTransform<KeyedPCollectionTuple<K>, PCollection<KV<K, CoGbkResult>>> {
  private static final long serialVersionUID = 1L;

  private CoGroupByKey() {}

  /** A {@code CoGroupByKey}. */
  public static <K> CoGroupByKey<K> create() {
    return new CoGroupByKey<>();
  }

  @Override
  public PCollection<KV<K, CoGbkResult>> expand(KeyedPCollectionTuple<K> input) {
    if (input.isEmpty()) {
      throw new IllegalArgumentException("CoGroupByKey needs at least one input; add them with"
          + " KeyedPCollectionTuple.of(tag, collection).and(tag2, collection2)");
    }
    List<KeyedPCollectionTuple.TaggedKeyedPCollection<K, ?>> inputs = input.getKeyedCollections();
    Coder<K> keyCoder = commonKeyCoder(inputs);
    List<Coder<?>> valueCoders = new ArrayList<>();
    inputs.forEach(tagged -> valueCoders.add(kvCoderOf(tagged.getCollection()).getValueCoder()));
    UnionCoder unionCoder = UnionCoder.of(valueCoders);
    CoGbkResultSchema schema = input.getCoGbkResultSchema();

    List<PCollection<KV<K, RawUnionValue>>> tagged = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      tagged.add(unionTable(inputs.get(i), i, keyCoder, unionCoder));
    }
    return PCollectionList.of(tagged)
        .apply("Flatten", Flatten.pCollections())
        .apply("GroupByKey", GroupByKey.create())
        .apply("ConstructCoGbkResult", ParDo.of(new ConstructResultFn<K>(schema)))
        .setCoder(KvCoder.of(keyCoder, CoGbkResult.CoGbkResultCoder.of(schema, unionCoder)));
  }

  private static <K, V> PCollection<KV<K, RawUnionValue>> unionTable(
      KeyedPCollectionTuple.TaggedKeyedPCollection<K, V> input, int index, Coder<K> keyCoder,
      UnionCoder unionCoder) {
    return input.getCollection()
        .apply("MakeUnionTable" + index, ParDo.of(new UnionTagFn<K, V>(index)))
        .setCoder(KvCoder.of(keyCoder, unionCoder));
  }

  private static <K> Coder<K> commonKeyCoder(List<KeyedPCollectionTuple.TaggedKeyedPCollection<K, ?>> inputs) {
    KeyedPCollectionTuple.TaggedKeyedPCollection<K, ?> first = inputs.get(0);
    Coder<K> keyCoder = kvCoderOf(first.getCollection()).getKeyCoder();
    for (KeyedPCollectionTuple.TaggedKeyedPCollection<K, ?> other : inputs.subList(1, inputs.size())) {
      Coder<K> otherKeyCoder = kvCoderOf(other.getCollection()).getKeyCoder();
      if (!keyCoder.equals(otherKeyCoder)) {
        throw new IllegalArgumentException("CoGroupByKey needs the same key coder on all inputs, but "
            + first.getCollection() + " (tag " + first.getTupleTag() + ") has key coder " + keyCoder
            + " and " + other.getCollection() + " (tag " + other.getTupleTag() + ") has " + otherKeyCoder
            + "; set one key coder on both with .setCoder(KvCoder.of(keyCoder, valueCoder))");
      }
    }
    try {
      keyCoder.verifyDeterministic();
    } catch (Coder.NonDeterministicException e) {
      throw new IllegalArgumentException("CoGroupByKey of " + first.getCollection() + " and the"
          + " other inputs cannot group by keys encoded with " + keyCoder + ": " + e.getMessage()
          + ". Keys are compared by their encoding; set a deterministic key coder with"
          + " .setCoder(KvCoder.of(...)) on every input", e);
    }
    return keyCoder;
  }

  private static <K, V> KvCoder<K, V> kvCoderOf(PCollection<KV<K, V>> pc) {
    Coder<KV<K, V>> coder = pc.getCoder();
    if (!(coder instanceof KvCoder<K, V> kvCoder)) {
      throw new IllegalArgumentException("CoGroupByKey needs a KvCoder on each input, but " + pc
          + " has coder " + coder + "; call .setCoder(KvCoder.of(keyCoder, valueCoder)) on it");
    }
    return kvCoder;
  }

  private static final class UnionTagFn<K, V> extends DoFn<KV<K, V>, KV<K, RawUnionValue>> {
    private static final long serialVersionUID = 1L;
    private final int index;

    UnionTagFn(int index) {
      this.index = index;
    }

    @ProcessElement
    public void process(@Element KV<K, V> element, OutputReceiver<KV<K, RawUnionValue>> out) {
      out.output(KV.of(element.getKey(), new RawUnionValue(index, element.getValue())));
    }
  }

  private static final class ConstructResultFn<K> extends DoFn<KV<K, Iterable<RawUnionValue>>, KV<K, CoGbkResult>> {
    private static final long serialVersionUID = 1L;
    private final CoGbkResultSchema schema;

    ConstructResultFn(CoGbkResultSchema schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element KV<K, Iterable<RawUnionValue>> element,
        OutputReceiver<KV<K, CoGbkResult>> out) {
      out.output(KV.of(element.getKey(), new CoGbkResult(schema, element.getValue())));
    }
  }
}
