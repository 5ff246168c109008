package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.PTransform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable map from {@link TupleTag} to {@link PCollection}: the outputs of a multi-output
 * {@code ParDo}, or the inputs of {@code CoGroupByKey}.
 */
public final class PCollectionTuple implements PInput, POutput {
  private final Pipeline pipeline;
  private final Map<TupleTag<?>, PCollection<?>> collections;

  private PCollectionTuple(Pipeline pipeline, Map<TupleTag<?>, PCollection<?>> collections) {
    this.pipeline = pipeline;
    this.collections = Collections.unmodifiableMap(new LinkedHashMap<>(collections));
  }

  public static PCollectionTuple empty(Pipeline pipeline) {
    return new PCollectionTuple(pipeline, Map.of());
  }

  public static <T> PCollectionTuple of(TupleTag<T> tag, PCollection<T> pc) {
    return empty(pc.getPipeline()).and(tag, pc);
  }

  /** For transforms: a tuple over the given collections, in map order. */
  public static PCollectionTuple ofPrimitiveOutputsInternal(
      Pipeline pipeline, Map<TupleTag<?>, PCollection<?>> collections) {
    return new PCollectionTuple(pipeline, collections);
  }

  /** This tuple with {@code pc} added under {@code tag}. */
  public <T> PCollectionTuple and(TupleTag<T> tag, PCollection<T> pc) {
    if (pc.getPipeline() != pipeline) {
      throw new IllegalArgumentException(pc + " belongs to another pipeline");
    }
    Map<TupleTag<?>, PCollection<?>> more = new LinkedHashMap<>(collections);
    more.put(tag, pc);
    return new PCollectionTuple(pipeline, more);
  }

  public boolean has(TupleTag<?> tag) {
    return collections.containsKey(tag);
  }

  /** The collection under {@code tag}; an error naming the known tags if absent. */
  @SuppressWarnings("unchecked")
  public <T> PCollection<T> get(TupleTag<T> tag) {
    PCollection<?> pc = collections.get(tag);
    if (pc == null) {
      throw new IllegalArgumentException(
          "TupleTag " + tag + " is not in this PCollectionTuple; its tags are " + collections.keySet());
    }
    return (PCollection<T>) pc;
  }

  public Map<TupleTag<?>, PCollection<?>> getAll() {
    return collections;
  }

  public <OutputT extends POutput> OutputT apply(PTransform<? super PCollectionTuple, OutputT> t) {
    return pipeline.applyTransform(this, t);
  }

  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<? super PCollectionTuple, OutputT> t) {
    return pipeline.applyTransform(name, this, t);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(collections));
  }
}
