package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TypeDescriptor;
import java.io.Serializable;

/**
 * Combines values into one per key ({@link #perKey}), per collection ({@link #globally}) or per
 * grouped element ({@link #groupedValues}) with a {@link CombineFn}. Runners lift the combining
 * before the grouping (each worker pre-combines its share), so a sum over millions of values per
 * key never buffers them.
 */
public final class Combine {
  private Combine() {}

  /** Combines all values of each key with {@code fn}. */
  public static <K, InputT, OutputT> PerKey<K, InputT, OutputT> perKey(
      CombineFn<InputT, ?, OutputT> fn) {
    return new PerKey<>(fn);
  }

  /** Combines all values of each key with an associative, commutative {@code fn}. */
  public static <K, V> PerKey<K, V, V> perKey(SerializableFunction<Iterable<V>, V> fn) {
    return new PerKey<>(IterableCombineFn.of(fn));
  }

  /** Combines the whole collection into one value (per window) with {@code fn}. */
  public static <InputT, OutputT> Globally<InputT, OutputT> globally(CombineFn<InputT, ?, OutputT> fn) {
    return new Globally<>(fn, true);
  }

  /** Combines the whole collection into one value with an associative, commutative {@code fn}. */
  public static <V> Globally<V, V> globally(SerializableFunction<Iterable<V>, V> fn) {
    return new Globally<>(IterableCombineFn.of(fn), true);
  }

  /** Combines the values of each {@code KV<K, Iterable<V>>} with {@code fn}. */
  public static <K, InputT, OutputT> GroupedValues<K, InputT, OutputT> groupedValues(
      CombineFn<InputT, ?, OutputT> fn) {
    return new GroupedValues<>(fn);
  }

  /** Combines the values of each {@code KV<K, Iterable<V>>} with an associative {@code fn}. */
  public static <K, V> GroupedValues<K, V, V> groupedValues(SerializableFunction<Iterable<V>, V> fn) {
    return new GroupedValues<>(IterableCombineFn.of(fn));
  }

  /**
   * Combines inputs into an output through mutable accumulators: {@code createAccumulator},
   * {@code addInput} per input, {@code mergeAccumulators} across workers, {@code extractOutput}.
   * Runners may create many accumulators and merge them in any grouping, so the operation must be
   * associative and commutative. Accumulators may be mutated and returned.
   */
  public abstract static class CombineFn<InputT, AccumT, OutputT> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A new, empty accumulator. */
    public abstract AccumT createAccumulator();

    /** Adds {@code input} to {@code accumulator}; may mutate and return it. */
    public abstract AccumT addInput(AccumT accumulator, InputT input);

    /** Merges accumulators; may mutate and return the first. */
    public abstract AccumT mergeAccumulators(Iterable<AccumT> accumulators);

    /** The output for {@code accumulator}. */
    public abstract OutputT extractOutput(AccumT accumulator);

    /** A smaller equivalent of {@code accumulator}, before it is stored or sent. */
    public AccumT compact(AccumT accumulator) {
      return accumulator;
    }

    /** The output of combining nothing, used by {@code Combine.globally} for empty input. */
    public OutputT defaultValue() {
      return extractOutput(createAccumulator());
    }

    /** Combines {@code inputs} in one go. */
    public OutputT apply(Iterable<? extends InputT> inputs) {
      AccumT accumulator = createAccumulator();
      for (InputT input : inputs) {
        accumulator = addInput(accumulator, input);
      }
      return extractOutput(accumulator);
    }

    /** The coder of accumulators; by default inferred from the {@code AccumT} type argument. */
    public Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder)
        throws CannotProvideCoderException {
      return inferArgumentCoder(registry, 1, inputCoder, "accumulator");
    }

    /** The coder of outputs; by default inferred from the {@code OutputT} type argument. */
    public Coder<OutputT> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> inputCoder)
        throws CannotProvideCoderException {
      return inferArgumentCoder(registry, 2, inputCoder, "output");
    }

    @SuppressWarnings("unchecked")
    private <T> Coder<T> inferArgumentCoder(
        CoderRegistry registry, int index, Coder<InputT> inputCoder, String what)
        throws CannotProvideCoderException {
      TypeDescriptor<?> type = TypeDescriptor.resolveSupertypeArgument(getClass(), CombineFn.class, index);
      TypeDescriptor<?> input = TypeDescriptor.resolveSupertypeArgument(getClass(), CombineFn.class, 0);
      if (type != null && input != null && type.equals(input)) {
        return (Coder<T>) inputCoder;
      }
      if (type == null || type.hasUnresolvedParameters()) {
        throw new CannotProvideCoderException("the " + what + " type of " + getClass().getName()
            + " is not known (" + type + "); override get"
            + (index == 1 ? "AccumulatorCoder" : "DefaultOutputCoder") + " in the CombineFn");
      }
      return (Coder<T>) registry.getCoder(type);
    }
  }

  /**
   * A {@link CombineFn} from a binary operation with an identity, e.g. a sum. Holds the running
   * value in a one-element holder so it can be updated in place.
   */
  public abstract static class BinaryCombineFn<V> extends CombineFn<V, Holder<V>, V> {
    private static final long serialVersionUID = 1L;

    /** Combines two values. */
    public abstract V apply(V left, V right);

    /** The value of combining nothing, or null when there is none. */
    public V identity() {
      return null;
    }

    @Override
    public Holder<V> createAccumulator() {
      return new Holder<>(identity());
    }

    @Override
    public Holder<V> addInput(Holder<V> accumulator, V input) {
      accumulator.value = accumulator.present ? apply(accumulator.value, input) : input;
      accumulator.present = true;
      return accumulator;
    }

    @Override
    public Holder<V> mergeAccumulators(Iterable<Holder<V>> accumulators) {
      Holder<V> merged = createAccumulator();
      for (Holder<V> accumulator : accumulators) {
        if (accumulator.present) {
          addInput(merged, accumulator.value);
        }
      }
      return merged;
    }

    @Override
    public V extractOutput(Holder<V> accumulator) {
      return accumulator.value;
    }

    @Override
    public Coder<Holder<V>> getAccumulatorCoder(CoderRegistry registry, Coder<V> inputCoder) {
      return HolderCoder.of(inputCoder);
    }

    @Override
    public Coder<V> getDefaultOutputCoder(CoderRegistry registry, Coder<V> inputCoder) {
      return inputCoder;
    }
  }

  /**
   * A {@link CombineFn} over {@code int}s from a binary operation with an identity, e.g. a sum
   * or a minimum. The running value lives in a one-element {@code int[]}, so adding an input
   * does not allocate. Null inputs are rejected.
   */
  public abstract static class BinaryCombineIntegerFn extends CombineFn<Integer, int[], Integer> {
    private static final long serialVersionUID = 1L;

    /** Combines two values. */
    public abstract int apply(int left, int right);

    /** The value of combining nothing; {@code apply(identity(), x) == x}. */
    public abstract int identity();

    @Override
    public int[] createAccumulator() {
      return new int[] {identity()};
    }

    @Override
    public int[] addInput(int[] accumulator, Integer input) {
      accumulator[0] = apply(accumulator[0], input);
      return accumulator;
    }

    @Override
    public int[] mergeAccumulators(Iterable<int[]> accumulators) {
      int[] merged = createAccumulator();
      for (int[] accumulator : accumulators) {
        merged[0] = apply(merged[0], accumulator[0]);
      }
      return merged;
    }

    @Override
    public Integer extractOutput(int[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<int[]> getAccumulatorCoder(CoderRegistry registry, Coder<Integer> inputCoder) {
      return PrimitiveCellCoder.ints();
    }

    @Override
    public Coder<Integer> getDefaultOutputCoder(CoderRegistry registry, Coder<Integer> inputCoder) {
      return VarIntCoder.of();
    }
  }

  /** Like {@link BinaryCombineIntegerFn}, over {@code long}s, with a {@code long[]} accumulator. */
  public abstract static class BinaryCombineLongFn extends CombineFn<Long, long[], Long> {
    private static final long serialVersionUID = 1L;

    /** Combines two values. */
    public abstract long apply(long left, long right);

    /** The value of combining nothing; {@code apply(identity(), x) == x}. */
    public abstract long identity();

    @Override
    public long[] createAccumulator() {
      return new long[] {identity()};
    }

    @Override
    public long[] addInput(long[] accumulator, Long input) {
      accumulator[0] = apply(accumulator[0], input);
      return accumulator;
    }

    @Override
    public long[] mergeAccumulators(Iterable<long[]> accumulators) {
      long[] merged = createAccumulator();
      for (long[] accumulator : accumulators) {
        merged[0] = apply(merged[0], accumulator[0]);
      }
      return merged;
    }

    @Override
    public Long extractOutput(long[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return PrimitiveCellCoder.longs();
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return VarLongCoder.of();
    }
  }

  /** Like {@link BinaryCombineIntegerFn}, over {@code double}s, with a {@code double[]} accumulator. */
  public abstract static class BinaryCombineDoubleFn extends CombineFn<Double, double[], Double> {
    private static final long serialVersionUID = 1L;

    /** Combines two values. */
    public abstract double apply(double left, double right);

    /** The value of combining nothing; {@code apply(identity(), x) == x}. */
    public abstract double identity();

    @Override
    public double[] createAccumulator() {
      return new double[] {identity()};
    }

    @Override
    public double[] addInput(double[] accumulator, Double input) {
      accumulator[0] = apply(accumulator[0], input);
      return accumulator;
    }

    @Override
    public double[] mergeAccumulators(Iterable<double[]> accumulators) {
      double[] merged = createAccumulator();
      for (double[] accumulator : accumulators) {
        merged[0] = apply(merged[0], accumulator[0]);
      }
      return merged;
    }

    @Override
    public Double extractOutput(double[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<double[]> getAccumulatorCoder(CoderRegistry registry, Coder<Double> inputCoder) {
      return PrimitiveCellCoder.doubles();
    }

    @Override
    public Coder<Double> getDefaultOutputCoder(CoderRegistry registry, Coder<Double> inputCoder) {
      return DoubleCoder.of();
    }
  }

  /** The mutable accumulator of a {@link BinaryCombineFn}. */
  public static final class Holder<V> {
    V value;
    boolean present;

    Holder(V value) {
      this.value = value;
      this.present = value != null;
    }

    public V get() {
      return value;
    }

    @Override
    public String toString() {
      return present ? "Holder(" + value + ")" : "Holder()";
    }
  }

  /** See {@link Combine#perKey}. Runners may execute it directly, lifting the combine. */
  public static final class PerKey<K, InputT, OutputT>
      extends PTransform<PCollection<KV<K, InputT>>, PCollection<KV<K, OutputT>>> {
    private static final long serialVersionUID = 1L;
    private final CombineFn<InputT, ?, OutputT> fn;

    PerKey(CombineFn<InputT, ?, OutputT> fn) {
      this.fn = fn;
    }

    public CombineFn<InputT, ?, OutputT> getFn() {
      return fn;
    }

    /**
     * This combine, also giving back the elements the grouping drops as too late under {@code
     * lateTag} instead of dropping them silently (beyond Beam; see {@link
     * GroupByKey#withDroppedLateData}).
     */
    public CombineWithDroppedLateData<K, InputT, OutputT> withDroppedLateData(TupleTag<KV<K, InputT>> lateTag) {
      return new CombineWithDroppedLateData<>(fn, lateTag);
    }

    @Override
    public PCollection<KV<K, OutputT>> expand(PCollection<KV<K, InputT>> input) {
      return input.apply(GroupByKey.create()).apply(Combine.groupedValues(fn));
    }

    @Override
    protected String getKindString() {
      return "Combine.perKey(" + ParDo.fnName(fn) + ")";
    }
  }

  /** See {@link Combine#groupedValues}. */
  public static final class GroupedValues<K, InputT, OutputT>
      extends PTransform<PCollection<? extends KV<K, ? extends Iterable<InputT>>>, PCollection<KV<K, OutputT>>> {
    private static final long serialVersionUID = 1L;
    private final CombineFn<InputT, ?, OutputT> fn;

    GroupedValues(CombineFn<InputT, ?, OutputT> fn) {
      this.fn = fn;
    }

    public CombineFn<InputT, ?, OutputT> getFn() {
      return fn;
    }

    @Override
    @SuppressWarnings("unchecked")
    public PCollection<KV<K, OutputT>> expand(PCollection<? extends KV<K, ? extends Iterable<InputT>>> input) {
      KvCoder<K, ? extends Iterable<InputT>> inputCoder = (KvCoder<K, ? extends Iterable<InputT>>)
          (Coder<?>) input.getCoder();
      Coder<InputT> valueCoder = (Coder<InputT>) inputCoder.getValueCoder().getCoderArguments().get(0);
      Coder<OutputT> outputCoder = CombineCoders.outputCoder(fn, input, valueCoder);
      return input.apply(ParDo.of(new CombineGroupedValuesFn<K, InputT, OutputT>(fn)))
          .setCoder(KvCoder.of(inputCoder.getKeyCoder(), outputCoder));
    }

    @Override
    protected String getKindString() {
      return "Combine.GroupedValues";
    }
  }

  /** See {@link Combine#globally}. */
  public static final class Globally<InputT, OutputT>
      extends PTransform<PCollection<InputT>, PCollection<OutputT>> {
    private static final long serialVersionUID = 1L;
    private final CombineFn<InputT, ?, OutputT> fn;
    private final boolean insertDefault;

    Globally(CombineFn<InputT, ?, OutputT> fn, boolean insertDefault) {
      this.fn = fn;
      this.insertDefault = insertDefault;
    }

    /** This transform emitting nothing for empty input instead of the default value. */
    public Globally<InputT, OutputT> withoutDefaults() {
      return new Globally<>(fn, false);
    }

    /** The combined value as a singleton side input. */
    public PTransform<PCollection<InputT>, PCollectionView<OutputT>> asSingletonView() {
      Globally<InputT, OutputT> combine = this;
      return new PTransform<>("Combine.GloballyAsSingletonView") {
        private static final long serialVersionUID = 1L;

        @Override
        public PCollectionView<OutputT> expand(PCollection<InputT> input) {
          // As Beam: the view, not the collection, supplies the default, so it works in any
          // windows: a window with no input reads the CombineFn's default value.
          View.AsSingleton<OutputT> view = View.asSingleton();
          if (combine.insertDefault) {
            view = view.withDefaultValue(combine.fn.defaultValue());
          }
          return input.apply(combine.withoutDefaults()).apply(view);
        }
      };
    }

    public CombineFn<InputT, ?, OutputT> getFn() {
      return fn;
    }

    public boolean isInsertDefault() {
      return insertDefault;
    }

    @Override
    public PCollection<OutputT> expand(PCollection<InputT> input) {
      return CombineGlobally.expand(input, fn, insertDefault);
    }

    @Override
    protected String getKindString() {
      return "Combine.globally(" + ParDo.fnName(fn) + ")";
    }
  }
}
