package io.runnel.sdk.transforms;

import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.TupleTag;

/**
 * A {@code Combine.perKey} that also gives back the elements its grouping dropped as late; made
 * by {@link Combine.PerKey#withDroppedLateData}. The result holds the combined values under
 * {@link #getCombinedTag()} and the dropped elements under the caller's tag.
 */
public final class CombineWithDroppedLateData<K, InputT, OutputT>
    extends PTransform<PCollection<KV<K, InputT>>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  private final Combine.CombineFn<InputT, ?, OutputT> fn;
  private final TupleTag<KV<K, InputT>> lateTag;
  private final TupleTag<KV<K, OutputT>> combinedTag = new TupleTag<>("combined");

  CombineWithDroppedLateData(Combine.CombineFn<InputT, ?, OutputT> fn, TupleTag<KV<K, InputT>> lateTag) {
    this.fn = fn;
    this.lateTag = lateTag;
  }

  /** The tag of the combined output in the result. */
  public TupleTag<KV<K, OutputT>> getCombinedTag() {
    return combinedTag;
  }

  /** The tag of the dropped late data in the result. */
  public TupleTag<KV<K, InputT>> getLateTag() {
    return lateTag;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<K, InputT>> input) {
    GroupByKey.WithDroppedLateData<K, InputT> grouping =
        GroupByKey.<K, InputT>create().withDroppedLateData(lateTag);
    PCollectionTuple grouped = input.apply(grouping);
    PCollection<KV<K, OutputT>> combined =
        grouped.get(grouping.getGroupedTag()).apply(Combine.<K, InputT, OutputT>groupedValues(fn));
    return PCollectionTuple.of(combinedTag, combined).and(lateTag, grouped.get(lateTag));
  }

  @Override
  protected String getKindString() {
    return "Combine.perKey(" + ParDo.fnName(fn) + ")";
  }
}
