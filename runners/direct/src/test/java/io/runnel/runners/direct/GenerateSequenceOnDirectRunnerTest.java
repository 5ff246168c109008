package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.runners.direct.ScriptedUnboundedSource.RunLog;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GenerateSequence} in real time on the direct runner: {@code withRate} spreads the values
 * over the wall clock (value {@code v} is never read before {@code v} periods' share of time has
 * passed), {@code withMaxReadTime} ends the read after that long, elements without a timestamp
 * function carry the processing time they were read at, and an endless sequence with a timestamp
 * function closes its windows on time as it goes. Time bounds are generous: the machine may be
 * loaded.
 */
class GenerateSequenceOnDirectRunnerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(8);
  /** Each value read, by run id: its timestamp and when it was processed, in epoch ms. */
  private static final Map<String, Map<Long, long[]>> SEEN = new ConcurrentHashMap<>();

  private final String runId = UUID.randomUUID().toString();
  private final RunLog log = ScriptedUnboundedSource.log(runId);

  @AfterEach
  void forget() {
    SEEN.remove(runId);
    ScriptedUnboundedSource.forget(runId);
  }

  private Map<Long, long[]> seen() {
    return SEEN.computeIfAbsent(runId, id -> new ConcurrentHashMap<>());
  }

  /** Notes each value's timestamp and processing time; a value seen twice is noted as -1. */
  static final class NoteFn extends DoFn<Long, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    NoteFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element Long value, @Timestamp Instant timestamp,
        OutputReceiver<String> out) {
      long[] noted = {timestamp.toEpochMilli(), System.currentTimeMillis()};
      if (SEEN.computeIfAbsent(runId, id -> new ConcurrentHashMap<>())
          .putIfAbsent(value, noted) != null) {
        SEEN.get(runId).put(-1L, noted);
      }
      Await.signal();
      out.output(String.valueOf(value));
    }
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  @Test
  void withRateNoValueIsReadBeforeItsShareOfTimeHasPassed() {
    // 10 values per 500 ms: value v is allowed 50 * v ms after reading starts, v = 19 at 950 ms.
    Pipeline p = pipeline();
    p.apply(GenerateSequence.from(0).to(20).withRate(10, Duration.ofMillis(500)))
        .apply(ParDo.of(new NoteFn(runId)));

    long start = System.currentTimeMillis();
    assertTimeoutPreemptively(DEADLINE, () -> p.run());
    long elapsed = System.currentTimeMillis() - start;

    assertThat(seen()).containsOnlyKeys(LongStream.range(0, 20).boxed().toList());
    for (long v = 0; v < 20; v++) {
      long[] noted = seen().get(v);
      // 5 ms of slack for the wall clock's granularity.
      assertThat(noted[1] - start).as("ms from run() to value %s", v)
          .isGreaterThanOrEqualTo(50 * v - 5);
      assertThat(noted[0]).as("timestamp of value %s: when it was read", v)
          .isBetween(start - 5, noted[1] + 5);
    }
    assertThat(elapsed).as("ms the run took").isBetween(945L, 6_000L);
  }

  @Test
  void withMaxReadTimeTheReadEndsAfterThatLong() {
    Pipeline p = pipeline("--directParallelism=2");
    p.apply(GenerateSequence.from(0).withRate(20, Duration.ofSeconds(1))
            .withMaxReadTime(Duration.ofMillis(800)))
        .apply(ParDo.of(new NoteFn(runId)));

    long start = System.currentTimeMillis();
    assertTimeoutPreemptively(DEADLINE, () -> p.run());
    long elapsed = System.currentTimeMillis() - start;

    assertThat(elapsed).as("ms the run took").isBetween(795L, 6_000L);
    assertThat(seen()).as("no value twice").doesNotContainKey(-1L);
    // About 20 per second for 0.8 s; the rate allows 0 ... 7 within 0.4 s.
    assertThat(seen().keySet()).containsAll(LongStream.range(0, 8).boxed().toList())
        .allMatch(v -> v < 60);
  }

  @Test
  void anEndlessSequenceWithoutRateReadsEveryValueOnceAcrossItsSplits() {
    Pipeline p = pipeline("--directParallelism=2", "--blockOnRun=false");
    p.apply(GenerateSequence.from(0)).apply(ParDo.of(new NoteFn(runId)));

    PipelineResult result = p.run();
    try {
      Await.until("5,000 values are read", DEADLINE, () -> seen().size() >= 5_000);
    } finally {
      assertThat(result.cancel()).isEqualTo(PipelineResult.State.CANCELLED);
    }

    assertThat(seen()).as("no value twice").doesNotContainKey(-1L);
    // Two strided splits: each read at least its first 1,000 by then.
    assertThat(seen().keySet()).containsAll(LongStream.range(0, 2_000).boxed().toList());
  }

  @Test
  void anEndlessSequenceWithATimestampFunctionClosesItsWindowsOnTimeAsItGoes() {
    // Value v at v seconds, 100 values per second over two splits: a 10 s window a tenth of a
    // second, closed once both splits' watermarks pass its end.
    Pipeline p = pipeline("--directParallelism=2", "--blockOnRun=false");
    p.apply(GenerateSequence.from(0).withRate(100, Duration.ofSeconds(1))
            .withTimestampFn(v -> Instant.EPOCH.plusSeconds(v)))
        .apply(ParDo.of(new NoteFn(runId)))
        .apply(Window.into(FixedWindows.of(Duration.ofSeconds(10))))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new DescribePaneFn(runId)));

    List<String> firstWindows = List.of("[0s, 10s)", "[10s, 20s)", "[20s, 30s)");
    PipelineResult result = p.run();
    try {
      Await.until("the first three windows close", DEADLINE, () -> firstWindows.stream()
          .allMatch(w -> log.panes().stream().anyMatch(pane -> pane.startsWith(w))));
    } finally {
      result.cancel();
    }

    assertThat(log.panes()).filteredOn(pane -> firstWindows.stream().anyMatch(pane::startsWith))
        .containsExactlyInAnyOrder(
            "[0s, 10s) ON_TIME " + values(0, 10),
            "[10s, 20s) ON_TIME " + values(10, 20),
            "[20s, 30s) ON_TIME " + values(20, 30));
  }

  /** The values {@code [from, to)} as {@link DescribePaneFn} lists them: as sorted strings. */
  private static String values(int from, int to) {
    return IntStream.range(from, to).mapToObj(String::valueOf).sorted().toList().toString();
  }

  @Test
  void theValuesOfAnUnlimitedRateLimitedSequenceKeepComing() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(GenerateSequence.from(100).withRate(50, Duration.ofSeconds(1)))
        .apply(ParDo.of(new NoteFn(runId)));

    long start = System.currentTimeMillis();
    PipelineResult result = p.run();
    try {
      Await.until("values 100 ... 119 are read", DEADLINE,
          () -> seen().keySet().containsAll(LongStream.range(100, 120).boxed().toList()));
    } finally {
      result.cancel();
    }

    // 50 per second: value 119 is allowed 380 ms after reading starts.
    assertThat(seen().get(119L)[1] - start).isGreaterThanOrEqualTo(375);
    assertThat(seen().keySet()).allMatch(v -> v >= 100);
    assertThat(List.copyOf(seen().keySet())).doesNotContain(-1L);
  }
}
