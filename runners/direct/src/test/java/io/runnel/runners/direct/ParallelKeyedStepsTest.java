package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.Repeatedly;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stateful ParDos and triggered groupings run their key-group shards on several threads at once:
 * each probe below waits (with a deadline) inside user code until a second thread is inside it
 * too, and records how many were inside at the same time.
 */
class ParallelKeyedStepsTest {
  private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

  /**
   * Counts the threads inside user code at once; when asked, a thread waits (until 10 s after
   * the probe was made) for a second one.
   */
  static final class Probe {
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final boolean waitForSecond;
    final long deadline;

    Probe(boolean waitForSecond) {
      this(waitForSecond, 10_000_000_000L);
    }

    Probe(boolean waitForSecond, long waitNanos) {
      this.waitForSecond = waitForSecond;
      this.deadline = System.nanoTime() + waitNanos;
    }

    void enterAndLeave() {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      while (waitForSecond && most.get() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      inside.decrementAndGet();
    }
  }

  static final class CountingFn extends DoFn<KV<Integer, Integer>, Integer> {
    private static final long serialVersionUID = 1L;
    private final String probe;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value(VarIntCoder.of());

    CountingFn(String probe) {
      this.probe = probe;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Integer> e, @StateId("count") ValueState<Integer> n,
        OutputReceiver<Integer> out) {
      PROBES.get(probe).enterAndLeave();
      Integer seen = n.read();
      n.write(seen == null ? 1 : seen + 1);
      out.output(e.getValue());
    }
  }

  static final class ProbingSumFn extends Combine.BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;
    private final String probe;

    ProbingSumFn(String probe) {
      this.probe = probe;
    }

    @Override
    public int apply(int left, int right) {
      PROBES.get(probe).enterAndLeave();
      return left + right;
    }

    @Override
    public int identity() {
      return 0;
    }
  }

  private static PCollection<KV<Integer, Integer>> keyed(Pipeline p) {
    return p.apply(Create.of(IntStream.range(0, 4_000).boxed().toList()))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new DoFn<Integer, KV<Integer, Integer>>() {
          @ProcessElement
          public void process(@Element Integer i, OutputReceiver<KV<Integer, Integer>> out) {
            out.output(KV.of(i % 500, i));
          }
        }))
        .setCoder(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()));
  }

  @Test
  void aStatefulParDoRunsOnSeveralThreadsAtOnce() {
    String id = UUID.randomUUID().toString();
    PROBES.put(id, new Probe(true));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--directParallelism=2").create());
    PCollection<Integer> out = keyed(p).apply(ParDo.of(new CountingFn(id)));
    PAssert.that(out).containsInAnyOrder(IntStream.range(0, 4_000).boxed().toList());
    p.run();

    assertThat(PROBES.remove(id).most.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aTriggeredCombineRunsOnSeveralThreadsAtOnce() {
    String id = UUID.randomUUID().toString();
    PROBES.put(id, new Probe(true));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--directParallelism=2").create());
    PCollection<KV<Integer, Integer>> sums = keyed(p)
        .apply(Window.<KV<Integer, Integer>>into(new GlobalWindows())
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1_000_000)))
            .discardingFiredPanes())
        .apply(Combine.perKey(new ProbingSumFn(id)));
    PAssert.that(sums).satisfies(all -> {
      int total = 0;
      for (KV<Integer, Integer> sum : all) {
        total += sum.getValue();
      }
      assertThat(total).isEqualTo(4_000 * 3_999 / 2);
      return null;
    });
    p.run();

    assertThat(PROBES.remove(id).most.get()).isGreaterThanOrEqualTo(2);
  }

  /**
   * With one shard the keyed step has one engine, so two threads never run it at once: the
   * probe waits (up to a second) for a second thread that does not come.
   */
  @Test
  void withOneKeyedShardTheStepRunsOnOneThreadAtATime() {
    String id = UUID.randomUUID().toString();
    PROBES.put(id, new Probe(true, 1_000_000_000L));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--directParallelism=2",
        "--directKeyedShards=1").create());
    PCollection<Integer> out = keyed(p).apply(ParDo.of(new CountingFn(id)));
    PAssert.that(out).containsInAnyOrder(IntStream.range(0, 4_000).boxed().toList());
    p.run();

    assertThat(PROBES.remove(id).most.get()).isEqualTo(1);
  }

  @Test
  void oneThreadRunsOneShardAtATime() {
    String id = UUID.randomUUID().toString();
    PROBES.put(id, new Probe(false));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--directParallelism=1").create());
    keyed(p).apply(ParDo.of(new CountingFn(id)));
    p.run();

    assertThat(PROBES.remove(id).most.get()).isEqualTo(1);
  }
}
