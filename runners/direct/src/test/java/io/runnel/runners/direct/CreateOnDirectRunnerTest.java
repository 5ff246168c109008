package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A pipeline rooted in a {@code Create} is split into bundles by the direct runner, so its
 * element-wise steps run on several threads without a {@code Reshuffle}, and its output is the
 * same whatever the thread count.
 */
class CreateOnDirectRunnerTest {
  /** Per run, the threads that processed an element. */
  private static final Map<String, Set<Thread>> THREADS = new ConcurrentHashMap<>();
  /** Per run, released once two threads processed elements. */
  private static final Map<String, CountDownLatch> TWO_THREADS = new ConcurrentHashMap<>();
  /** Per run, the {@link System#nanoTime()} after which no thread waits for another any more. */
  private static final Map<String, Long> DEADLINE = new ConcurrentHashMap<>();
  /**
   * Notes the thread of each element; holds the first thread that gets here until a second one
   * does, or until a deadline, so one fast worker cannot take every bundle before the other
   * starts.
   */
  static final class NoteThreadFn extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    NoteThreadFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Integer> out)
        throws InterruptedException {
      CountDownLatch twoThreads = TWO_THREADS.get(runId);
      if (THREADS.get(runId).add(Thread.currentThread())) {
        twoThreads.countDown();
      }
      long left = DEADLINE.get(runId) - System.nanoTime();
      if (left > 0) {
        twoThreads.await(left, TimeUnit.NANOSECONDS);
      }
      out.output(element);
    }
  }

  @Test
  void createOfManyElementsIsProcessedOnMoreThanOneThread() {
    String runId = UUID.randomUUID().toString();
    THREADS.put(runId, ConcurrentHashMap.newKeySet());
    TWO_THREADS.put(runId, new CountDownLatch(2));
    DEADLINE.put(runId, System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
    List<Integer> input = IntStream.range(0, 2_000).boxed().toList();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--directParallelism=2").create());

    PCollection<Integer> output = p.apply(Create.of(input)).apply(ParDo.of(new NoteThreadFn(runId)));
    PAssert.that(output).containsInAnyOrder(input);
    p.run();

    Set<Thread> threads = THREADS.remove(runId);
    TWO_THREADS.remove(runId);
    DEADLINE.remove(runId);
    assertThat(threads).hasSize(2);
    assertThat(threads).extracting(Thread::getName).allMatch(n -> n.startsWith("runnel-direct-worker"));
  }

  /** Runs Create, a keyed grouping and a join of each group's values in order; returns the output in order. */
  private static List<String> runAndObserveOrder(String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    List<TimestampedValue<String>> input = new ArrayList<>();
    IntStream.range(0, 5_000).forEach(i -> input.add(
        TimestampedValue.of("e" + i, Instant.ofEpochMilli(i % 7))));
    PCollection<String> joined = p.apply(Create.timestamped(input))
        .apply(ParDo.of(new OutputOrder.KeyByRemainder(10)))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new OutputOrder.JoinInGivenOrder()));
    List<String> order = OutputOrder.runAndObserve(p, joined);
    assertThat(order).as("the output of one run").hasSize(10);
    return order;
  }

  @Test
  void outputIsTheSameInTheSameOrderForOneAndFourThreads() {
    List<String> oneThread = runAndObserveOrder("--directParallelism=1");

    assertThat(runAndObserveOrder("--directParallelism=4")).isEqualTo(oneThread);
    List<String> values = new ArrayList<>();
    for (String group : oneThread) {
      values.addAll(List.of(group.split("=", 2)[1].split(",")));
    }
    assertThat(values).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 5_000).mapToObj(i -> "e" + i).toList());
  }
}
