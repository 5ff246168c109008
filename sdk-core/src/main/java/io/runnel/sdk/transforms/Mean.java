package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.internal.BigEndian;
import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The arithmetic mean of numbers, as a {@code Double}: globally ({@link #globally}), per key
 * ({@link #perKey}) or as a {@code CombineFn} ({@link #of}). Inputs are summed as doubles. The
 * mean of no values (an empty collection in the global window) is {@code NaN}. Null inputs are
 * rejected.
 */
public final class Mean {
  private Mean() {}

  /** The mean of the input's numbers, per window. */
  public static <NumT extends Number> Combine.Globally<NumT, Double> globally() {
    return Combine.globally(Mean.<NumT>of());
  }

  /** The mean of each key's numbers, per window. */
  public static <K, NumT extends Number> Combine.PerKey<K, NumT, Double> perKey() {
    return Combine.perKey(Mean.<NumT>of());
  }

  /** A {@code CombineFn} computing the mean; its accumulator is a count and a sum. */
  public static <NumT extends Number> Combine.CombineFn<NumT, ?, Double> of() {
    return new MeanFn<>();
  }

  /** A running count and sum; mutable. */
  private static final class CountSum {
    long count;
    double sum;
  }

  private static final class MeanFn<NumT extends Number> extends Combine.CombineFn<NumT, CountSum, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public CountSum createAccumulator() {
      return new CountSum();
    }

    @Override
    public CountSum addInput(CountSum accumulator, NumT input) {
      accumulator.count++;
      accumulator.sum += input.doubleValue();
      return accumulator;
    }

    @Override
    public CountSum mergeAccumulators(Iterable<CountSum> accumulators) {
      CountSum merged = new CountSum();
      for (CountSum accumulator : accumulators) {
        merged.count += accumulator.count;
        merged.sum += accumulator.sum;
      }
      return merged;
    }

    @Override
    public Double extractOutput(CountSum accumulator) {
      return accumulator.count == 0 ? Double.NaN : accumulator.sum / accumulator.count;
    }

    @Override
    public Coder<CountSum> getAccumulatorCoder(CoderRegistry registry, Coder<NumT> inputCoder) {
      return new CountSumCoder();
    }

    @Override
    public Coder<Double> getDefaultOutputCoder(CoderRegistry registry, Coder<NumT> inputCoder) {
      return DoubleCoder.of();
    }
  }

  private static final class CountSumCoder extends AtomicCoder<CountSum> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(CountSum value, OutputStream out) throws IOException {
      VarInt.encode(value.count, out);
      BigEndian.writeLong(Double.doubleToLongBits(value.sum), out);
    }

    @Override
    public CountSum decode(InputStream in) throws IOException {
      CountSum value = new CountSum();
      value.count = VarInt.decodeLong(in);
      value.sum = Double.longBitsToDouble(BigEndian.readLong(in));
      return value;
    }

    @Override
    public boolean consistentWithEquals() {
      return false;
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "floating point encodings are not deterministic");
    }
  }
}
