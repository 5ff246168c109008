package io.runnel.runners.direct;

import static io.runnel.runners.direct.ScriptedUnboundedSource.forever;
import static io.runnel.runners.direct.ScriptedUnboundedSource.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runners.direct.ScriptedUnboundedSource.RunLog;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.Repeatedly;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pipeline reading an unbounded source runs in real time: processing time is the wall clock,
 * and processing-time timers and triggers fire on it while the run goes on, never before their
 * time, with no {@code TestStream} moving a virtual clock.
 */
class RealTimeProcessingOnDirectRunnerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(6);
  private static final Duration DELAY = Duration.ofMillis(300);

  private final String runId = UUID.randomUUID().toString();
  private final RunLog log = ScriptedUnboundedSource.log(runId);

  @AfterEach
  void forgetLog() {
    ScriptedUnboundedSource.forget(runId);
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--blockOnRun=false").create());
  }

  /**
   * On a key's first element, sets a processing-time timer {@link #DELAY} ahead and notes the
   * wall clock; the timer records, as a pane of the run log, how long after that it was due and
   * fired, in whole milliseconds.
   */
  static final class TimerAheadFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    @TimerId("ahead")
    private final TimerSpec aheadSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);
    @StateId("setAt")
    private final StateSpec<ValueState<Long>> setAtSpec = StateSpecs.value(VarLongCoder.of());

    TimerAheadFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element KV<String, String> element, @TimerId("ahead") Timer ahead,
        @StateId("setAt") ValueState<Long> setAt) {
      if (setAt.read() == null) {
        setAt.write(Instant.now().toEpochMilli());
        ahead.offset(DELAY).setRelative();
      }
    }

    @OnTimer("ahead")
    public void onAhead(@Key String key, TimeDomain domain, OnTimerContext c,
        @StateId("setAt") ValueState<Long> setAt, OutputReceiver<String> out) {
      long after = Instant.now().toEpochMilli() - setAt.read();
      ScriptedUnboundedSource.log(runId).pane(domain + " timer of " + key + " (due "
          + (c.fireTimestamp().toEpochMilli() - setAt.read()) + " ms after it was set) fired after "
          + after + " ms");
      out.output(domain.toString());
    }
  }

  private static long millisAfter(String fired) {
    return Long.parseLong(fired.replaceAll(".* fired after (\\d+) ms", "$1"));
  }

  private static long dueMillisAfter(String fired) {
    return Long.parseLong(fired.replaceAll(".*\\(due (-?\\d+) ms after it was set\\).*", "$1"));
  }

  /**
   * Runs ten keys {@code x0 ... x9} (one element each, a poll apart, the watermark never moving,
   * so only the wall clock can fire their timers) through {@link TimerAheadFn}; returns what the
   * timers recorded once all ten fired.
   */
  private List<String> tenTimersAhead() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            List.of(forever("x", Instant.EPOCH, Duration.ZERO, false)))))
        .apply(WithKeys.of((String element) -> element).withKeyType(TypeDescriptors.strings()))
        .apply(ParDo.of(new TimerAheadFn(runId)));
    PipelineResult result = p.run();
    try {
      Await.until("the timers of x0 ... x9 fire", DEADLINE,
          () -> IntStream.range(0, 10).allMatch(i -> log.panes().stream()
              .anyMatch(fired -> fired.contains(" of x" + i + " "))));
    } finally {
      result.cancel();
    }
    return log.panes().stream().filter(fired -> fired.matches(".* of x\\d .*")).toList();
  }

  @Test
  void processingTimeTimersFireOnTheWallClockWhileTheSourceRuns() {
    List<String> fired = tenTimersAhead();

    assertThat(fired).as("each timer once").hasSize(10)
        .allMatch(line -> line.startsWith("PROCESSING_TIME timer of x"));
    assertThat(fired).extracting(RealTimeProcessingOnDirectRunnerTest::millisAfter)
        .as("ms after it was set").allMatch(ms -> ms < DEADLINE.toMillis());
    assertThat(fired).as("no timer fires before it is due on the wall clock")
        .allMatch(line -> millisAfter(line) >= dueMillisAfter(line));
  }

  @Test
  void aRelativeProcessingTimeTimerNeverFiresBeforeItsDelayHasPassedOnTheWallClock() {
    List<String> fired = tenTimersAhead();

    assertThat(fired).hasSize(10);
    assertThat(fired).extracting(RealTimeProcessingOnDirectRunnerTest::millisAfter)
        .as("ms after it was set: " + fired).allMatch(ms -> ms >= DELAY.toMillis());
  }

  /**
   * Reads x0, x1, ... (a poll apart, the watermark never moving) into the global window with a
   * trigger firing {@link #DELAY} after each pane's first element, discarding; returns the first
   * three panes.
   */
  private List<String> threeProcessingTimePanes() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            List.of(watermark(Instant.EPOCH), forever("x", Instant.EPOCH, Duration.ZERO, false)))))
        .apply("Record", ParDo.of(new RecordFn(runId)))
        .apply(Window.<String>into(new GlobalWindows())
            .triggering(Repeatedly.forever(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(DELAY)))
            .discardingFiredPanes())
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new DescribePaneFn(runId)));
    PipelineResult result = p.run();
    try {
      Await.until("three panes fire", DEADLINE, () -> log.panes().size() >= 3);
    } finally {
      result.cancel();
    }
    return log.panes().subList(0, 3);
  }

  private static List<String> elementsOf(String pane) {
    return List.of(pane.replaceAll(".*\\[(.*)]", "$1").split(", "));
  }

  @Test
  void aProcessingTimeTriggerFiresEarlyPanesOnTheWallClock() {
    List<String> panes = threeProcessingTimePanes();

    assertThat(panes).allMatch(pane -> pane.startsWith("global EARLY [x"));
    List<String> elements = panes.stream().flatMap(pane -> elementsOf(pane).stream()).toList();
    assertThat(elements).as("discarding: no element in two panes").doesNotHaveDuplicates();
  }

  @Test
  void aProcessingTimeTriggerNeverFiresBeforeItsDelayAfterThePanesFirstElement() {
    List<String> panes = threeProcessingTimePanes();

    for (String pane : panes) {
      long firstElement = elementsOf(pane).stream().mapToLong(log.wallMillis::get).min()
          .orElseThrow();
      assertThat(log.wallMillis.get(pane) - firstElement)
          .as("ms from the first element to the pane %s", pane)
          .isGreaterThanOrEqualTo(DELAY.toMillis());
    }
  }

  @Test
  void earlyFiringsOnTheWallClockPrecedeTheOnTimePaneOfAnEventTimeWindow() {
    Pipeline p = pipeline();
    // A window of an hour that the watermark will not pass during the test.
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            List.of(watermark(Instant.EPOCH), forever("x", Instant.EPOCH, Duration.ZERO, false)))))
        .apply(Window.<String>into(FixedWindows.of(Duration.ofHours(1)))
            .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(DELAY)))
            .withAllowedLateness(Duration.ZERO)
            .discardingFiredPanes())
        .apply(WithKeys.of("k"))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new DescribePaneFn(runId)));

    PipelineResult result = p.run();
    try {
      Await.until("an early pane fires", DEADLINE, () -> !log.panes().isEmpty());
    } finally {
      result.cancel();
    }

    assertThat(log.panes()).allMatch(pane -> pane.startsWith("[0s, 3600s) EARLY [x"));
  }
}
