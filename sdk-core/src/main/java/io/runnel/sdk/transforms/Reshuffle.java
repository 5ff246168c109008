package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import java.util.Arrays;

/**
 * Redistributes elements across workers and breaks fusion, keeping each element's timestamp and
 * window. {@link #viaRandomKey()} for any collection; {@link #of()} for keyed collections, which
 * keeps elements of a key together. Runners may execute it directly rather than through its
 * expansion (a GroupByKey and an ungroup).
 */
public final class Reshuffle<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, V>>> {
  private static final long serialVersionUID = 1L;

  private Reshuffle() {}

  /** A reshuffle of a keyed collection. */
  public static <K, V> Reshuffle<K, V> of() {
    return new Reshuffle<>();
  }

  /** A reshuffle of any collection, spreading elements evenly. */
  public static <T> ViaRandomKey<T> viaRandomKey() {
    return new ViaRandomKey<>();
  }

  @Override
  public PCollection<KV<K, V>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> coder = GroupByKey.kvCoderOf(input, "Reshuffle");
    return input
        .apply("ReifyTimestamps", ParDo.of(new ReifyTimestampsFn<K, V>()))
        .setCoder(KvCoder.of(coder.getKeyCoder(), ReifiedTimestampCoder.of(coder.getValueCoder())))
        .apply(GroupByKey.create())
        .apply("Ungroup", ParDo.of(new UngroupFn<K, V>()))
        .setCoder(coder);
  }

  /** See {@link Reshuffle#viaRandomKey()}. */
  public static final class ViaRandomKey<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private ViaRandomKey() {}

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      return input
          .apply("PairWithRandomKey", ParDo.of(new RandomKeyFn<>(input.getCoder())))
          .setCoder(KvCoder.of(io.runnel.sdk.coders.VarIntCoder.of(), input.getCoder()))
          .apply(Reshuffle.of())
          .apply(Values.create());
    }

    @Override
    protected String getKindString() {
      return "Reshuffle.ViaRandomKey";
    }
  }

  /**
   * Pairs elements with keys in [0, 256): consecutive keys within a bundle, starting from a hash
   * of the encoded first element of the bundle. Beam starts from a random number per DoFn
   * instance; starting from the data instead keeps the keys, and so the direct runner's output
   * order, the same on every run and for every thread count, while still spreading many small
   * bundles (a split {@code Create}, one element each) over many keys.
   */
  private static final class RandomKeyFn<T> extends DoFn<T, KV<Integer, T>> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private transient int next;
    private transient boolean atBundleStart;

    RandomKeyFn(Coder<T> coder) {
      this.coder = coder;
    }

    @StartBundle
    public void startBundle() {
      atBundleStart = true;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out)
        throws CoderException {
      if (atBundleStart) {
        atBundleStart = false;
        next = mix(Arrays.hashCode(CoderUtils.encodeToByteArray(coder, element))) & 0xff;
      }
      out.output(KV.of(next, element));
      next = (next + 1) & 0xff;
    }

    /** The finalizer of MurmurHash3: every input bit affects the low byte. */
    private static int mix(int h) {
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      h *= 0xc2b2ae35;
      return h ^ (h >>> 16);
    }
  }

  private static final class ReifyTimestampsFn<K, V> extends DoFn<KV<K, V>, KV<K, ReifiedTimestamp<V>>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<K, V> element, @Timestamp java.time.Instant timestamp,
        OutputReceiver<KV<K, ReifiedTimestamp<V>>> out) {
      out.output(KV.of(element.getKey(), new ReifiedTimestamp<>(element.getValue(), timestamp)));
    }
  }

  private static final class UngroupFn<K, V> extends DoFn<KV<K, Iterable<ReifiedTimestamp<V>>>, KV<K, V>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<K, Iterable<ReifiedTimestamp<V>>> element,
        OutputReceiver<KV<K, V>> out) {
      for (ReifiedTimestamp<V> value : element.getValue()) {
        out.outputWithTimestamp(KV.of(element.getKey(), value.value()), value.timestamp());
      }
    }

    @Override
    public java.time.Duration getAllowedTimestampSkew() {
      return java.time.Duration.ofMillis(Long.MAX_VALUE);
    }
  }
}
