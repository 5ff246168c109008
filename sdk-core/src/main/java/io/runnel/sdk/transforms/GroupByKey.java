package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.metrics.MetricName;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.TupleTag;
import java.util.LinkedHashMap;
import java.util.Map;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.WindowingStrategy;

/**
 * Groups a {@code PCollection<KV<K, V>>} by key and window into {@code KV<K, Iterable<V>>}. A
 * primitive. Keys are compared by their encoding, so the key coder must be deterministic; this
 * is checked when the transform is applied.
 */
public final class GroupByKey<K, V>
    extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
  private static final long serialVersionUID = 1L;

  /**
   * The counter of elements a grouping dropped because they were later than the allowed lateness
   * (or arrived for a window whose trigger had finished), reported under the grouping's full name:
   * query it with {@code MetricNameFilter.named(GroupByKey.class, "droppedDueToLateness")}.
   */
  public static final MetricName DROPPED_DUE_TO_LATENESS =
      MetricName.named(GroupByKey.class, "droppedDueToLateness");

  private GroupByKey() {}

  /** A {@code GroupByKey}. */
  public static <K, V> GroupByKey<K, V> create() {
    return new GroupByKey<>();
  }

  /**
   * This grouping, also giving back the elements it drops as too late (beyond the allowed
   * lateness, or for a window whose trigger has finished) under {@code lateTag}, instead of
   * dropping them silently. Beyond Beam. Each dropped (element, window) pair comes out once, with
   * the element's timestamp, in the global window, so it can be written anywhere.
   */
  public WithDroppedLateData<K, V> withDroppedLateData(TupleTag<KV<K, V>> lateTag) {
    return new WithDroppedLateData<>(lateTag);
  }

  @Override
  public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> inputCoder = kvCoderOf(input, "GroupByKey");
    checkDeterministicKey(input, inputCoder.getKeyCoder(), "GroupByKey");
    checkGroupable(input, "GroupByKey");
    return PCollection.createPrimitiveOutputInternal(input.getPipeline(),
        outputStrategy(input.getWindowingStrategy()), input.isBounded(),
        KvCoder.of(inputCoder.getKeyCoder(), IterableCoder.of(inputCoder.getValueCoder())));
  }

  /**
   * A {@code GroupByKey} with a second output for the data it drops as late; see {@link
   * GroupByKey#withDroppedLateData}. A primitive.
   */
  public static final class WithDroppedLateData<K, V>
      extends PTransform<PCollection<KV<K, V>>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;
    private final TupleTag<KV<K, Iterable<V>>> groupedTag = new TupleTag<>("grouped");
    private final TupleTag<KV<K, V>> lateTag;

    WithDroppedLateData(TupleTag<KV<K, V>> lateTag) {
      this.lateTag = lateTag;
    }

    /** The tag of the grouped output in the result. */
    public TupleTag<KV<K, Iterable<V>>> getGroupedTag() {
      return groupedTag;
    }

    /** The tag of the dropped late data in the result. */
    public TupleTag<KV<K, V>> getLateTag() {
      return lateTag;
    }

    @Override
    public PCollectionTuple expand(PCollection<KV<K, V>> input) {
      PCollection<KV<K, Iterable<V>>> grouped = GroupByKey.<K, V>create().expand(input);
      PCollection<KV<K, V>> late = PCollection.createPrimitiveOutputInternal(input.getPipeline(),
          WindowingStrategy.globalDefault(), input.isBounded(), input.getCoder());
      Map<TupleTag<?>, PCollection<?>> outputs = new LinkedHashMap<>();
      outputs.put(groupedTag, grouped);
      outputs.put(lateTag, late);
      return PCollectionTuple.ofPrimitiveOutputsInternal(input.getPipeline(), outputs);
    }

    @Override
    protected String getKindString() {
      return "GroupByKey";
    }
  }

  /**
   * The strategy of a grouping's output: the same windows, with the continuation of the trigger
   * so a later grouping passes panes on as they come instead of delaying them again.
   */
  static WindowingStrategy<?, ?> outputStrategy(WindowingStrategy<?, ?> input) {
    return input.withTrigger(input.getTrigger().getContinuationTrigger());
  }

  /**
   * Rejects grouping an unbounded collection in the global window with the default trigger: it
   * would wait for the end of the input, which never comes.
   */
  static void checkGroupable(PCollection<?> input, String transform) {
    WindowingStrategy<?, ?> strategy = input.getWindowingStrategy();
    if (input.isBounded() == PCollection.IsBounded.UNBOUNDED
        && strategy.getWindowFn() instanceof GlobalWindows
        && strategy.getTrigger() instanceof DefaultTrigger) {
      throw new IllegalStateException(transform + " of " + input + ": the collection is"
          + " unbounded, in the global window, with the default trigger, so no pane would ever be"
          + " emitted (the watermark never passes the end of the global window). Window it first,"
          + " e.g. Window.into(FixedWindows.of(...)), or give it a trigger, e.g."
          + " Window.<T>configure().triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))"
          + ".discardingFiredPanes()");
    }
  }

  /** The input's coder as a {@link KvCoder}, or an error naming the collection and the fix. */
  static <K, V> KvCoder<K, V> kvCoderOf(PCollection<KV<K, V>> input, String transform) {
    Coder<KV<K, V>> coder = input.getCoder();
    if (!(coder instanceof KvCoder<K, V> kvCoder)) {
      throw new IllegalStateException(transform + " needs a KvCoder on its input, but " + input
          + " has coder " + coder + "; call .setCoder(KvCoder.of(keyCoder, valueCoder)) on it");
    }
    return kvCoder;
  }

  /** Throws, naming the collection and the coder, if keys may encode non-deterministically. */
  static void checkDeterministicKey(PCollection<?> input, Coder<?> keyCoder, String transform) {
    try {
      keyCoder.verifyDeterministic();
    } catch (Coder.NonDeterministicException e) {
      throw new IllegalStateException(transform + " of " + input + " cannot group by keys"
          + " encoded with " + keyCoder + ": " + e.getMessage() + ". Keys are compared by their"
          + " encoding; set a deterministic key coder with .setCoder(KvCoder.of(...)) on " + input
          + " (e.g. StringUtf8Coder, VarLongCoder, or a deterministic custom coder)", e);
    }
  }
}
