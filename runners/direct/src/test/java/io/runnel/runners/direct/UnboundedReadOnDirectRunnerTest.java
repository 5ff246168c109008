package io.runnel.runners.direct;

import static io.runnel.runners.direct.ScriptedUnboundedSource.emit;
import static io.runnel.runners.direct.ScriptedUnboundedSource.end;
import static io.runnel.runners.direct.ScriptedUnboundedSource.forever;
import static io.runnel.runners.direct.ScriptedUnboundedSource.gate;
import static io.runnel.runners.direct.ScriptedUnboundedSource.pause;
import static io.runnel.runners.direct.ScriptedUnboundedSource.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.runners.direct.ScriptedUnboundedSource.RunLog;
import io.runnel.runners.direct.ScriptedUnboundedSource.Step;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.metrics.MetricNameFilter;
import io.runnel.sdk.metrics.MetricsFilter;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads on the direct runner: bounded and unbounded sources are read in parallel, a split per
 * bundle on the worker threads; the watermark of an unbounded source follows its readers' {@code
 * getWatermark()} (windows close on time as it passes them, data behind it is late); and with
 * {@code --sourceIdleTimeout} a split that stopped bringing data stops holding the watermark back
 * until its data returns, while a split that brings data but never advances its watermark holds
 * it.
 */
class UnboundedReadOnDirectRunnerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(8);
  private static final Duration WINDOW = Duration.ofSeconds(10);

  private final String runId = UUID.randomUUID().toString();
  private final RunLog log = ScriptedUnboundedSource.log(runId);

  @AfterEach
  void forgetLogs() {
    ScriptedUnboundedSource.forget(runId);
    NumberedBoundedSource.forget(runId);
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  private static Instant second(long s) {
    return Instant.EPOCH.plusSeconds(s);
  }

  /**
   * Records the thread each element is processed on and, until a second thread shows up (or 5
   * seconds pass), waits for one, so two bundles on two threads overlap in time; records how many
   * calls ran at once.
   */
  static final class WaitForTwoThreadsFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    WaitForTwoThreadsFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      RunLog log = ScriptedUnboundedSource.log(runId);
      log.mostRunning.accumulateAndGet(log.running.incrementAndGet(), Math::max);
      try {
        log.threads.add(Thread.currentThread());
        Await.signal();
        Await.holdsWithin(Duration.ofSeconds(5), () -> log.threads.size() >= 2);
        log.processed(element);
        out.output(element);
      } finally {
        log.running.decrementAndGet();
      }
    }
  }

  @Test
  void aBoundedSourceIsReadInParallelOnTheWorkerThreads() {
    Pipeline p = pipeline("--directParallelism=2");
    p.apply(Read.from(NumberedBoundedSource.of(runId, 1000)))
        .apply(ParDo.of(new WaitForTwoThreadsFn(runId)));

    assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(log.mostRunning.get()).as("bundles processed at once").isEqualTo(2);
    assertThat(log.threads).as("threads the bundles ran on").hasSize(2)
        .doesNotContain(Thread.currentThread());
    assertThat(NumberedBoundedSource.readerThreads(runId)).as("threads that read the source")
        .isEqualTo(log.threads);
    assertThat(log.processed()).as("every element once").hasSize(1000)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 1000).mapToObj(i -> "b" + i).toList());
  }

  @Test
  void theSplitsOfAnUnboundedSourceAreReadInParallel() {
    Pipeline p = pipeline("--directParallelism=2", "--blockOnRun=false");
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            List.of(forever("x", second(0), Duration.ofSeconds(1), true)),
            List.of(forever("y", second(0), Duration.ofSeconds(1), true)))))
        .apply(ParDo.of(new WaitForTwoThreadsFn(runId)));

    PipelineResult result = p.run();
    try {
      Await.until("both splits were read", DEADLINE,
          () -> log.processed().containsAll(List.of("x0", "y0")));
    } finally {
      assertThat(result.cancel()).isEqualTo(PipelineResult.State.CANCELLED);
    }

    // A split polled alone is read inline on the run's own thread; two due at once (as both
    // are at the start) are read on two worker threads at the same time.
    assertThat(log.mostRunning.get()).as("splits read at once").isEqualTo(2);
    assertThat(log.threads).as("threads the splits were read on").hasSizeGreaterThanOrEqualTo(2)
        .doesNotContain(Thread.currentThread());
  }

  /** The pipeline of the watermark tests: read, fixed 10 s windows, group, describe panes. */
  private void readAndGroup(Pipeline p, ScriptedUnboundedSource source, Duration lateness) {
    PCollection<String> read = p.apply(Read.from(source))
        .apply("Record", ParDo.of(new RecordFn(runId)));
    read.apply(Window.<String>into(FixedWindows.of(WINDOW)).withAllowedLateness(lateness))
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new DescribePaneFn(runId)));
  }

  @Test
  void windowsCloseOnTimeAsTheReadersWatermarkPassesThemAndDataBehindItIsLate() {
    Pipeline p = pipeline();
    readAndGroup(p, ScriptedUnboundedSource.of(runId, List.of(
        emit("a", second(1)), emit("b", second(5)),
        // The watermark passes [0s, 10s) before the next bundle brings "late" into it.
        watermark(second(30)), pause(),
        emit("late", second(7)), emit("also-late", second(15)), emit("c", second(35)), end())),
        Duration.ofMinutes(1));

    assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(log.panes()).containsExactlyInAnyOrder(
        "[0s, 10s) ON_TIME [a, b]",
        "[0s, 10s) LATE [late]",
        "[10s, 20s) LATE [also-late]",
        "[30s, 40s) ON_TIME [c]");
  }

  @Test
  void dataBehindTheWatermarkPastTheAllowedLatenessIsDropped() {
    Pipeline p = pipeline();
    readAndGroup(p, ScriptedUnboundedSource.of(runId, List.of(
        emit("a", second(1)), watermark(second(30)), pause(),
        emit("too-late", second(7)), emit("c", second(35)), end())), Duration.ZERO);

    PipelineResult result = assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(log.processed()).as("read").contains("too-late");
    assertThat(log.panes()).containsExactlyInAnyOrder(
        "[0s, 10s) ON_TIME [a]",
        "[30s, 40s) ON_TIME [c]");
    List<Long> dropped = new ArrayList<>();
    result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(GroupByKey.class, "droppedDueToLateness"))
            .build())
        .getCounters().forEach(counter -> dropped.add(counter.getCommitted()));
    assertThat(dropped).as("counted as dropped, never lost silently").containsExactly(1L);
  }

  /**
   * A quiet split (one element, then no data, its watermark at 1 s) and a busy one (an element
   * every poll, a second of event time apart from 2 s on, its watermark following them).
   */
  private static List<Step> quietSplit(Step... after) {
    List<Step> steps = new ArrayList<>(List.of(watermark(second(1)), emit("quiet", second(1))));
    steps.addAll(List.of(after));
    return steps;
  }

  private static List<Step> busySplit() {
    return List.of(forever("busy", second(2), Duration.ofSeconds(1), true));
  }

  /** "busy" elements up to {@code last}: their timestamps are 2 s to last + 2 s. */
  private boolean busyReadUpTo(int last) {
    return log.processed().contains("busy" + last);
  }

  private static final String FIRST_WINDOW_ON_TIME = "[0s, 10s) ON_TIME "
      + "[busy0, busy1, busy2, busy3, busy4, busy5, busy6, busy7, quiet]";

  @Test
  void aSplitWithoutDataStopsHoldingTheWatermarkBackAfterTheIdleTimeout() {
    Pipeline p = pipeline("--blockOnRun=false", "--sourceIdleTimeout=300ms");
    readAndGroup(p, ScriptedUnboundedSource.of(runId, quietSplit(), busySplit()), Duration.ZERO);

    PipelineResult result = p.run();
    try {
      Await.until("[0s, 10s) closes", DEADLINE, () -> !log.panes().isEmpty());
    } finally {
      result.cancel();
    }

    assertThat(log.panes().get(0)).isEqualTo(FIRST_WINDOW_ON_TIME);
  }

  @Test
  void withoutAnIdleTimeoutASplitWithoutDataHoldsTheWatermark() {
    Pipeline p = pipeline("--blockOnRun=false");
    readAndGroup(p, ScriptedUnboundedSource.of(runId, quietSplit(), busySplit()), Duration.ZERO);

    PipelineResult result = p.run();
    try {
      // busy20 is at 22 s: the busy split alone would have closed two windows by then.
      Await.until("the busy split reads busy20", DEADLINE, () -> busyReadUpTo(20));
    } finally {
      result.cancel();
    }

    assertThat(log.panes()).as("no window closed").isEmpty();
  }

  @Test
  void aSplitWithDataThatNeverAdvancesItsWatermarkHoldsItDespiteTheIdleTimeout() {
    // A timeout well above the pause between the stuck split's bundles (at most 100 ms).
    Pipeline p = pipeline("--blockOnRun=false", "--sourceIdleTimeout=1s");
    List<Step> stuck = List.of(watermark(second(1)),
        forever("stuck", second(1), Duration.ZERO, false));
    readAndGroup(p, ScriptedUnboundedSource.of(runId, stuck, busySplit()), Duration.ZERO);

    PipelineResult result = p.run();
    long start = System.nanoTime();
    try {
      Await.until("the busy split reads busy20, past twice the idle timeout", DEADLINE,
          () -> busyReadUpTo(20) && System.nanoTime() - start > 2_000_000_000L);
    } finally {
      result.cancel();
    }

    assertThat(log.processed()).as("the stuck split kept bringing data").contains("stuck5");
    assertThat(log.panes()).as("no window closed").isEmpty();
  }

  @Test
  void anIdleSplitWhoseDataReturnsHoldsTheWatermarkAgain() {
    Pipeline p = pipeline("--blockOnRun=false", "--sourceIdleTimeout=1s");
    List<Step> returning = quietSplit(gate("return"),
        forever("back", second(1), Duration.ZERO, false));
    readAndGroup(p, ScriptedUnboundedSource.of(runId, returning, busySplit()), Duration.ZERO);

    PipelineResult result = p.run();
    List<String> closedBeforeReturn;
    List<String> closedAfterBusyMovedOn;
    try {
      Await.until("[0s, 10s) closes while the quiet split is idle", DEADLINE,
          () -> !log.panes().isEmpty());
      log.open("return");
      // Two elements committed after the return: the split is no longer idle.
      Await.until("the quiet split's data returns", DEADLINE,
          () -> log.processed().contains("back2"));
      closedBeforeReturn = log.panes();
      int busyNow = (int) log.processed().stream().filter(e -> e.startsWith("busy")).count();
      Await.until("the busy split reads 20 more seconds of data", DEADLINE,
          () -> busyReadUpTo(busyNow + 20));
      closedAfterBusyMovedOn = log.panes();
    } finally {
      result.cancel();
    }

    assertThat(closedBeforeReturn.get(0)).isEqualTo(FIRST_WINDOW_ON_TIME);
    assertThat(closedAfterBusyMovedOn).as("no window closed once the split was back")
        .isEqualTo(closedBeforeReturn);
  }
}
