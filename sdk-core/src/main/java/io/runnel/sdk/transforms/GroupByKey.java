package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
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

  private GroupByKey() {}

  /** A {@code GroupByKey}. */
  public static <K, V> GroupByKey<K, V> create() {
    return new GroupByKey<>();
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
