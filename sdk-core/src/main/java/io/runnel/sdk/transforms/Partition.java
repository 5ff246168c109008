package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a collection into {@code numPartitions} collections by a {@link PartitionFn}: {@code
 * Partition.of(3, (e, n) -> e.hashCode() % n)}. Each element goes to exactly one partition,
 * keeping its timestamp and windows; every partition has the input's coder. A function that
 * returns an index outside {@code [0, numPartitions)} fails the pipeline, naming the element and
 * the index.
 */
public final class Partition<T> extends PTransform<PCollection<T>, PCollectionList<T>> {
  private static final long serialVersionUID = 1L;
  private final int numPartitions;
  private final PartitionFn<? super T> partitionFn;

  /** Chooses the partition of an element. Must be deterministic. */
  @FunctionalInterface
  public interface PartitionFn<T> extends Serializable {
    /** The partition of {@code elem}, in {@code [0, numPartitions)}. */
    int partitionFor(T elem, int numPartitions);
  }

  private Partition(int numPartitions, PartitionFn<? super T> partitionFn) {
    this.numPartitions = numPartitions;
    this.partitionFn = partitionFn;
  }

  /** Splits into {@code numPartitions} (one or more) collections by {@code partitionFn}. */
  public static <T> Partition<T> of(int numPartitions, PartitionFn<? super T> partitionFn) {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException(
          "Partition.of: numPartitions must be positive, but was " + numPartitions);
    }
    return new Partition<>(numPartitions, java.util.Objects.requireNonNull(partitionFn, "partitionFn"));
  }

  @Override
  public PCollectionList<T> expand(PCollection<T> input) {
    List<TupleTag<T>> tags = new ArrayList<>(numPartitions);
    for (int i = 0; i < numPartitions; i++) {
      tags.add(new TupleTag<>("partition" + i));
    }
    List<TupleTag<?>> others = new ArrayList<>(tags.subList(1, numPartitions));
    PCollectionTuple outputs = input.apply(
        ParDo.of(new PartitionDoFn<T>(numPartitions, partitionFn, tags))
            .withOutputTags(tags.get(0), TupleTagList.of(others)));
    Coder<T> coder = input.getCoder();
    PCollectionList<T> partitions = PCollectionList.empty(input.getPipeline());
    for (TupleTag<T> tag : tags) {
      partitions = partitions.and(outputs.get(tag).setCoder(coder));
    }
    return partitions;
  }

  @Override
  protected String getKindString() {
    return "Partition(" + numPartitions + ")";
  }

  private static final class PartitionDoFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final int numPartitions;
    private final PartitionFn<? super T> partitionFn;
    private final List<TupleTag<T>> tags;

    PartitionDoFn(int numPartitions, PartitionFn<? super T> partitionFn, List<TupleTag<T>> tags) {
      this.numPartitions = numPartitions;
      this.partitionFn = partitionFn;
      this.tags = List.copyOf(tags);
    }

    @ProcessElement
    public void process(@Element T element, MultiOutputReceiver out) {
      int index = partitionFn.partitionFor(element, numPartitions);
      if (index < 0 || index >= numPartitions) {
        throw new IndexOutOfBoundsException("Partition function " + ParDo.fnName(partitionFn)
            + " returned partition index " + index + " for element " + element
            + ", but it must return a value in [0, " + numPartitions + ")");
      }
      out.get(tags.get(index)).output(element);
    }
  }
}
