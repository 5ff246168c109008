package io.runnel.benchmarks;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.transforms.Values;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;

/**
 * The range indices {@code 0 .. rangeCount - 1}, redistributed so that a generator {@code DoFn}
 * applied to them runs in parallel: a benchmark's input is generated inside the pipeline, range
 * by range, and never materialized as a whole.
 *
 * <p>When this was written, {@code Create} emitted everything from one impulse, i.e. in one
 * bundle on one thread, so the indices go through a {@link Reshuffle} to break fusion. {@code
 * Create} now splits into bundles itself; the reshuffle stays so that measurements remain
 * comparable with earlier ones (see the benchmarks README). It is a keyed {@code Reshuffle.of()}
 * with one key per range rather than {@code Reshuffle.viaRandomKey()}: the direct runner splits
 * the groups of a reshuffle into bundles of {@code --directBundleSize} (1024) groups, and
 * {@code viaRandomKey} uses at most 256 keys, so everything behind it would again be one bundle
 * on one thread. With one key per range, {@code rangeCount} groups make
 * {@code rangeCount / 1024} bundles.
 */
final class RangeSource extends PTransform<PBegin, PCollection<Long>> {
  private static final long serialVersionUID = 1L;

  private final int rangeCount;

  private RangeSource(int rangeCount) {
    this.rangeCount = rangeCount;
  }

  /** The indices {@code 0 .. rangeCount - 1}, spread over bundles. */
  static RangeSource of(int rangeCount) {
    if (rangeCount <= 0) {
      throw new IllegalArgumentException("rangeCount must be positive: " + rangeCount);
    }
    return new RangeSource(rangeCount);
  }

  @Override
  public PCollection<Long> expand(PBegin input) {
    List<Long> indices = new ArrayList<>(rangeCount);
    for (long i = 0; i < rangeCount; i++) {
      indices.add(i);
    }
    return input
        .apply("RangeIndices", Create.of(indices).withCoder(VarLongCoder.of()))
        .apply("KeyBySelf", ParDo.of(new KeyBySelfFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Redistribute", Reshuffle.<Long, Long>of())
        .apply("DropKeys", Values.<Long>create())
        .setCoder(VarLongCoder.of());
  }

  private static final class KeyBySelfFn extends DoFn<Long, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Long index, OutputReceiver<KV<Long, Long>> out) {
      out.output(KV.of(index, index));
    }
  }
}
