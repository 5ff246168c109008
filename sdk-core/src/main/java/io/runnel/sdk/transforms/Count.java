package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;

/**
 * Counts elements: all of them ({@link #globally}), per key ({@link #perKey}) or per distinct
 * element ({@link #perElement}). Counts are {@code Long}s. The global count of an empty
 * collection (in the global window) is {@code 0L}.
 */
public final class Count {
  private Count() {}

  /** A {@code CombineFn} counting its inputs, with a {@code long[]} accumulator. */
  public static <T> Combine.CombineFn<T, ?, Long> combineFn() {
    return new CountFn<>();
  }

  /** The number of elements of the input, per window. */
  public static <T> Combine.Globally<T, Long> globally() {
    return Combine.globally(Count.<T>combineFn());
  }

  /** The number of values of each key, per window. */
  public static <K, V> Combine.PerKey<K, V, Long> perKey() {
    return Combine.perKey(Count.<V>combineFn());
  }

  /**
   * Each distinct element with the number of times it occurs, per window. Elements are compared
   * by their encoding, so the input coder must be deterministic.
   */
  public static <T> PerElement<T> perElement() {
    return new PerElement<>();
  }

  /** See {@link Count#perElement()}. */
  public static final class PerElement<T> extends PTransform<PCollection<T>, PCollection<KV<T, Long>>> {
    private static final long serialVersionUID = 1L;

    private PerElement() {}

    @Override
    public PCollection<KV<T, Long>> expand(PCollection<T> input) {
      return input
          .apply("Init", ParDo.of(new KeyWithVoidFn<T>()))
          .setCoder(KvCoder.of(input.getCoder(), VoidCoder.of()))
          .apply(Count.perKey());
    }

    @Override
    protected String getKindString() {
      return "Count.PerElement";
    }
  }

  private static final class KeyWithVoidFn<T> extends DoFn<T, KV<T, Void>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<T, Void>> out) {
      out.output(KV.of(element, null));
    }
  }

  private static final class CountFn<T> extends Combine.CombineFn<T, long[], Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] addInput(long[] accumulator, T input) {
      accumulator[0]++;
      return accumulator;
    }

    @Override
    public long[] mergeAccumulators(Iterable<long[]> accumulators) {
      long[] merged = new long[1];
      for (long[] accumulator : accumulators) {
        merged[0] += accumulator[0];
      }
      return merged;
    }

    @Override
    public Long extractOutput(long[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return PrimitiveCellCoder.longs();
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return VarLongCoder.of();
    }
  }
}
