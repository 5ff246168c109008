package io.runnel.benchmarks;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A keyed sum on the direct runner: {@value #ELEMENTS} {@code KV<Long, Long>} with
 * {@value #KEYS} keys ({@code key = i % KEYS}, {@code value = i} for {@code i} in
 * {@code [0, ELEMENTS)}) summed with {@code Combine.perKey}. One invocation runs the whole
 * pipeline, input generation included, and checks every key's sum; events/s = ELEMENTS / time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class KeyedSumBenchmark {
  static final long ELEMENTS = 10_000_000L;
  static final long KEYS = 10_000L;
  /** Ranges the input is generated in; see {@link RangeSource} for why this many. */
  static final int RANGES = 10_000;
  static final long RANGE_SIZE = ELEMENTS / RANGES;

  /** What the sink saw in the current run; static because the runner copies DoFns. */
  static final LongAdder keysSeen = new LongAdder();
  static final LongAdder totalSeen = new LongAdder();

  /** Runs the pipeline once and returns the total of all sums (checked). */
  @Benchmark
  public long keyedSum(DirectRunnerParams params) {
    keysSeen.reset();
    totalSeen.reset();
    Pipeline pipeline = Pipeline.create(params.options());
    pipeline
        .apply("Ranges", RangeSource.of(RANGES))
        .apply("Generate", ParDo.of(new GenerateRangeFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("SumPerKey", Combine.<Long, Long, Long>perKey(new LongSumFn()))
        .apply("Check", ParDo.of(new CheckSumFn()));
    pipeline.run().waitUntilFinish();

    long expectedTotal = ELEMENTS * (ELEMENTS - 1) / 2;
    if (keysSeen.sum() != KEYS || totalSeen.sum() != expectedTotal) {
      throw new IllegalStateException("keyed sum is wrong: " + keysSeen.sum() + " keys (expected "
          + KEYS + "), total " + totalSeen.sum() + " (expected " + expectedTotal + ")");
    }
    return totalSeen.sum();
  }

  /** The sum of {@code key, key + KEYS, key + 2 * KEYS, ...} below {@link #ELEMENTS}. */
  static long expectedSum(long key) {
    long n = ELEMENTS / KEYS;
    return n * key + KEYS * n * (n - 1) / 2;
  }

  /** Emits the elements of one range. */
  static final class GenerateRangeFn extends DoFn<Long, KV<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Long range, OutputReceiver<KV<Long, Long>> out) {
      long start = range * RANGE_SIZE;
      long end = start + RANGE_SIZE;
      for (long i = start; i < end; i++) {
        out.output(KV.of(i % KEYS, i));
      }
    }
  }

  /** Checks each key's sum and tallies keys and the total. */
  static final class CheckSumFn extends DoFn<KV<Long, Long>, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Long, Long> sum) {
      long expected = expectedSum(sum.getKey());
      if (sum.getValue() != expected) {
        throw new IllegalStateException(
            "sum of key " + sum.getKey() + " is " + sum.getValue() + ", expected " + expected);
      }
      keysSeen.increment();
      totalSeen.add(sum.getValue());
    }
  }
}
