package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.PTransform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable list of {@link PCollection}s of one element type, e.g. the input of Flatten. */
public final class PCollectionList<T> implements PInput, POutput {
  private final Pipeline pipeline;
  private final List<PCollection<T>> collections;

  private PCollectionList(Pipeline pipeline, List<PCollection<T>> collections) {
    this.pipeline = pipeline;
    this.collections = List.copyOf(collections);
  }

  /** The empty list in {@code pipeline}. */
  public static <T> PCollectionList<T> empty(Pipeline pipeline) {
    return new PCollectionList<>(pipeline, List.of());
  }

  public static <T> PCollectionList<T> of(PCollection<T> pc) {
    return new PCollectionList<>(pc.getPipeline(), List.of(pc));
  }

  /** A list of {@code pcs}; at least one, all of the same pipeline. */
  public static <T> PCollectionList<T> of(Iterable<PCollection<T>> pcs) {
    List<PCollection<T>> list = new ArrayList<>();
    pcs.forEach(list::add);
    if (list.isEmpty()) {
      throw new IllegalArgumentException(
          "PCollectionList.of needs at least one PCollection; use PCollectionList.empty(pipeline)");
    }
    return new PCollectionList<>(list.get(0).getPipeline(), list);
  }

  /** This list with {@code pc} appended. */
  public PCollectionList<T> and(PCollection<T> pc) {
    if (pc.getPipeline() != pipeline) {
      throw new IllegalArgumentException(pc + " belongs to another pipeline");
    }
    List<PCollection<T>> more = new ArrayList<>(collections);
    more.add(pc);
    return new PCollectionList<>(pipeline, more);
  }

  /** This list with {@code pcs} appended. */
  public PCollectionList<T> and(Iterable<PCollection<T>> pcs) {
    PCollectionList<T> result = this;
    for (PCollection<T> pc : pcs) {
      result = result.and(pc);
    }
    return result;
  }

  public PCollection<T> get(int index) {
    return collections.get(index);
  }

  public List<PCollection<T>> getAll() {
    return collections;
  }

  public int size() {
    return collections.size();
  }

  public <OutputT extends POutput> OutputT apply(PTransform<? super PCollectionList<T>, OutputT> t) {
    return pipeline.applyTransform(this, t);
  }

  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<? super PCollectionList<T>, OutputT> t) {
    return pipeline.applyTransform(name, this, t);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    for (int i = 0; i < collections.size(); i++) {
      values.put(new TupleTag<>(Integer.toString(i)), collections.get(i));
    }
    return values;
  }
}
