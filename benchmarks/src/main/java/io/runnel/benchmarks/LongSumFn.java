package io.runnel.benchmarks;

import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.BigEndianLongCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Combine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Sums longs into a mutable {@code long[1]} accumulator, so adding an input allocates nothing
 * (the SDK has no {@code Sum.longsPerKey()} yet; {@code BinaryCombineFn} would box every partial
 * sum). Overflow wraps, as in Java arithmetic.
 */
final class LongSumFn extends Combine.CombineFn<Long, long[], Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public long[] createAccumulator() {
    return new long[1];
  }

  @Override
  public long[] addInput(long[] accumulator, Long input) {
    accumulator[0] += input;
    return accumulator;
  }

  @Override
  public long[] mergeAccumulators(Iterable<long[]> accumulators) {
    long[] merged = null;
    for (long[] accumulator : accumulators) {
      if (merged == null) {
        merged = accumulator;
      } else {
        merged[0] += accumulator[0];
      }
    }
    return merged == null ? createAccumulator() : merged;
  }

  @Override
  public Long extractOutput(long[] accumulator) {
    return accumulator[0];
  }

  @Override
  public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
    return AccumulatorCoder.INSTANCE;
  }

  @Override
  public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<Long> inputCoder) {
    return VarLongCoder.of();
  }

  /** Encodes the {@code long[1]} accumulator as one big-endian long. */
  static final class AccumulatorCoder extends AtomicCoder<long[]> {
    private static final long serialVersionUID = 1L;
    static final AccumulatorCoder INSTANCE = new AccumulatorCoder();

    @Override
    public void encode(long[] value, OutputStream out) throws IOException {
      BigEndianLongCoder.of().encode(value[0], out);
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      return new long[] {BigEndianLongCoder.of().decode(in)};
    }

    @Override
    public boolean consistentWithEquals() {
      return false;
    }

    @Override
    public Object structuralValue(long[] value) {
      return value[0];
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
