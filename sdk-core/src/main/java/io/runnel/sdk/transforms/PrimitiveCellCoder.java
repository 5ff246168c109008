package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.internal.BigEndian;
import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes the one-element primitive arrays that hold running values of the primitive
 * {@code CombineFn}s: {@code int[]} and {@code long[]} as a varint, {@code double[]} as 8 bytes.
 * Only the first element is encoded; a decoded array has length one.
 */
abstract class PrimitiveCellCoder<T> extends AtomicCoder<T> {
  private static final long serialVersionUID = 1L;

  static Coder<int[]> ints() {
    return new IntCell();
  }

  static Coder<long[]> longs() {
    return new LongCell();
  }

  static Coder<double[]> doubles() {
    return new DoubleCell();
  }

  @Override
  public boolean consistentWithEquals() {
    return false;
  }

  private static final class IntCell extends PrimitiveCellCoder<int[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(int[] cell, OutputStream out) throws IOException {
      VarInt.encode(cell[0], out);
    }

    @Override
    public int[] decode(InputStream in) throws IOException {
      return new int[] {VarInt.decodeInt(in)};
    }
  }

  private static final class LongCell extends PrimitiveCellCoder<long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(long[] cell, OutputStream out) throws IOException {
      VarInt.encode(cell[0], out);
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      return new long[] {VarInt.decodeLong(in)};
    }
  }

  private static final class DoubleCell extends PrimitiveCellCoder<double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(double[] cell, OutputStream out) throws IOException {
      BigEndian.writeLong(Double.doubleToLongBits(cell[0]), out);
    }

    @Override
    public double[] decode(InputStream in) throws IOException {
      return new double[] {Double.longBitsToDouble(BigEndian.readLong(in))};
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "floating point encodings are not deterministic");
    }
  }
}
