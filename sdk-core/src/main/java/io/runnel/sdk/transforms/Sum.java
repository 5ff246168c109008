package io.runnel.sdk.transforms;

/**
 * Sums numbers: globally ({@code integersGlobally()}) or per key ({@code longsPerKey()}), or as a
 * {@code CombineFn} ({@code ofDoubles()}). Integer and long sums wrap on overflow, as Java's
 * {@code +} does. The global sum of an empty collection (in the global window) is zero. Null
 * inputs are rejected.
 */
public final class Sum {
  private Sum() {}

  /** The sum of {@code Integer}s, per window. */
  public static Combine.Globally<Integer, Integer> integersGlobally() {
    return Combine.globally(ofIntegers());
  }

  /** The sum of each key's {@code Integer} values, per window. */
  public static <K> Combine.PerKey<K, Integer, Integer> integersPerKey() {
    return Combine.perKey(ofIntegers());
  }

  /** The sum of {@code Long}s, per window. */
  public static Combine.Globally<Long, Long> longsGlobally() {
    return Combine.globally(ofLongs());
  }

  /** The sum of each key's {@code Long} values, per window. */
  public static <K> Combine.PerKey<K, Long, Long> longsPerKey() {
    return Combine.perKey(ofLongs());
  }

  /** The sum of {@code Double}s, per window. */
  public static Combine.Globally<Double, Double> doublesGlobally() {
    return Combine.globally(ofDoubles());
  }

  /** The sum of each key's {@code Double} values, per window. */
  public static <K> Combine.PerKey<K, Double, Double> doublesPerKey() {
    return Combine.perKey(ofDoubles());
  }

  /** A {@code CombineFn} summing {@code Integer}s. */
  public static Combine.BinaryCombineIntegerFn ofIntegers() {
    return new SumIntegerFn();
  }

  /** A {@code CombineFn} summing {@code Long}s. */
  public static Combine.BinaryCombineLongFn ofLongs() {
    return new SumLongFn();
  }

  /** A {@code CombineFn} summing {@code Double}s. */
  public static Combine.BinaryCombineDoubleFn ofDoubles() {
    return new SumDoubleFn();
  }

  private static final class SumIntegerFn extends Combine.BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;

    @Override
    public int apply(int left, int right) {
      return left + right;
    }

    @Override
    public int identity() {
      return 0;
    }
  }

  private static final class SumLongFn extends Combine.BinaryCombineLongFn {
    private static final long serialVersionUID = 1L;

    @Override
    public long apply(long left, long right) {
      return left + right;
    }

    @Override
    public long identity() {
      return 0L;
    }
  }

  private static final class SumDoubleFn extends Combine.BinaryCombineDoubleFn {
    private static final long serialVersionUID = 1L;

    @Override
    public double apply(double left, double right) {
      return left + right;
    }

    @Override
    public double identity() {
      return 0.0;
    }
  }
}
