package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;

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
          .apply("PairWithRandomKey", ParDo.of(new RandomKeyFn<T>()))
          .setCoder(KvCoder.of(io.runnel.sdk.coders.VarIntCoder.of(), input.getCoder()))
          .apply(Reshuffle.of())
          .apply(Values.create());
    }

    @Override
    protected String getKindString() {
      return "Reshuffle.ViaRandomKey";
    }
  }

  private static final class RandomKeyFn<T> extends DoFn<T, KV<Integer, T>> {
    private static final long serialVersionUID = 1L;
    private transient int next;

    @StartBundle
    public void startBundle() {
      next = 0;
    }

    // Round robin over a fixed range rather than Random: spreads evenly and stays deterministic.
    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(next, element));
      next = (next + 1) & 0xff;
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
