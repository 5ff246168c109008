package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesTestStreamWithProcessingTime;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The running example of "Streaming Systems" (Akidau, Chernyak, Lax), chapters 2 to 4: one
 * team's scores summed in two-minute windows, under each combination of watermark, trigger,
 * lateness and accumulation the book walks through. The input and its arrival order, and the
 * expected panes, are the book's (its companion repository checks them on Beam's DirectRunner);
 * each pane is compared exactly: window, sum, timestamp, timing, index, on-time index, first and
 * last flags.
 */
class StreamingSystemsExamplesTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
  private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
  private static final Duration THOUSAND_DAYS = Duration.ofDays(1000);

  /** How the book's watermark moves in each figure. */
  private enum Watermark {
    /** No watermark movement until the end (per-record and processing-time examples). */
    NONE,
    /** A perfect watermark: never passes data still to come. */
    PERFECT,
    /** A heuristic watermark that passes the 9 (and, with the extra element, the 6). */
    HEURISTIC
  }

  private static Instant at(String time) {
    return Instant.parse("1970-01-01T" + time + "Z");
  }

  private static TimestampedValue<KV<String, Integer>> score(int points, String eventTime) {
    return TimestampedValue.of(KV.of("TeamX", points), at(eventTime));
  }

  /** Classic batch input: all nine scores at once. */
  private static Create.TimestampedValues<KV<String, Integer>> batch() {
    return Create.timestamped(
            score(5, "12:00:26"), score(7, "12:02:26"), score(3, "12:03:39"),
            score(4, "12:04:19"), score(8, "12:03:06"), score(3, "12:06:39"),
            score(9, "12:01:26"), score(8, "12:07:26"), score(1, "12:07:46"))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
  }

  /** Streams the scores in the book's arrival (processing-time) order. */
  private static final class Script {
    private TestStream.Builder<KV<String, Integer>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    private Instant processingTime = at("12:00:00");

    Script() {
      stream = stream.advanceWatermarkTo(at("12:00:00"));
    }

    Script until(String time) {
      Instant next = at(time);
      stream = stream.advanceProcessingTime(Duration.between(processingTime, next));
      processingTime = next;
      return this;
    }

    Script add(int points, String eventTime) {
      stream = stream.addElements(score(points, eventTime));
      return this;
    }

    Script watermark(String time) {
      stream = stream.advanceWatermarkTo(at(time));
      return this;
    }

    TestStream<KV<String, Integer>> end() {
      return stream.advanceWatermarkToInfinity();
    }
  }

  /** The simple stream of the per-record and micro-batch figures. */
  private static TestStream<KV<String, Integer>> simpleStream() {
    return new Script()
        .until("12:04:59").add(5, "12:00:26")
        .until("12:05:39").add(7, "12:02:26")
        .until("12:06:13").add(3, "12:03:39")
        .until("12:06:39").add(4, "12:04:19")
        .until("12:07:06").add(8, "12:03:06")
        .until("12:07:19").add(3, "12:06:39")
        .until("12:08:19").add(9, "12:01:26")
        .until("12:08:39").add(8, "12:07:26")
        .until("12:09:00").add(1, "12:07:46")
        .until("12:10:00").end();
  }

  /**
   * The stream of the watermark figures; two event times are moved by a second or two, as in
   * the book's code, so that sessions connect.
   */
  private static TestStream<KV<String, Integer>> stream(Watermark watermark, boolean extraSix) {
    Script s = new Script()
        .until("12:04:59").add(5, "12:00:26")
        .until("12:05:39").add(7, "12:02:24")
        .until("12:06:00");
    if (watermark == Watermark.HEURISTIC) {
      s.watermark("12:02:00");
    }
    s.until("12:06:13").add(3, "12:03:39")
        .until("12:06:39").add(4, "12:04:19");
    if (extraSix) {
      s.add(6, "12:00:53");
    }
    s.until("12:07:06").add(8, "12:03:06")
        .until("12:07:19").add(3, "12:06:39")
        .until("12:07:30");
    if (watermark == Watermark.HEURISTIC) {
      s.watermark("12:04:00").until("12:07:40").watermark("12:06:00");
    }
    s.until("12:08:19").add(9, "12:01:25")
        .until("12:08:39");
    if (watermark == Watermark.PERFECT) {
      s.watermark("12:02:00");
    }
    s.add(8, "12:07:26")
        .until("12:09:00").add(1, "12:07:46");
    if (watermark == Watermark.PERFECT) {
      s.watermark("12:04:00").until("12:09:10").watermark("12:06:00")
          .until("12:09:20").watermark("12:08:00");
    }
    s.until("12:09:30");
    if (watermark == Watermark.HEURISTIC) {
      s.watermark("12:08:00");
    }
    return s.end();
  }

  /** Formats a pane the way the book's figures label it. */
  private static final class Describe extends DoFn<KV<String, Integer>, String> {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @ProcessElement
    public void process(@Element KV<String, Integer> sum, @Timestamp Instant timestamp,
        BoundedWindow window, PaneInfo pane, OutputReceiver<String> out) {
      StringBuilder text = new StringBuilder();
      text.append(window instanceof GlobalWindow ? "[global window]"
          : "[" + TIME.format(((IntervalWindow) window).start()) + ", "
              + TIME.format(((IntervalWindow) window).end()) + ")");
      text.append(": ").append(sum.getKey()).append(':').append(sum.getValue()).append(' ')
          .append(timestamp.equals(GlobalWindow.INSTANCE.maxTimestamp()) ? "END_OF_GLOBAL_WINDOW"
              : TIME.format(timestamp))
          .append(' ').append(pane.getTiming()).append(" index=").append(pane.getIndex());
      if (pane.getNonSpeculativeIndex() > -1) {
        text.append(" onTimeIndex=").append(pane.getNonSpeculativeIndex());
      }
      if (pane.isFirst()) {
        text.append(" isFirst");
      }
      if (pane.isLast()) {
        text.append(" isLast");
      }
      out.output(text.toString());
    }
  }

  private void check(PTransform<PBegin, PCollection<KV<String, Integer>>> input,
      Window<KV<String, Integer>> windowing, String... expected) {
    PCollection<KV<String, Integer>> scores = p.apply(input);
    if (windowing != null) {
      scores = scores.apply(windowing);
    }
    PCollection<String> panes = scores.apply(Sum.integersPerKey()).apply(ParDo.of(new Describe()));
    PAssert.that(panes).containsInAnyOrder(expected);
    p.run();
  }

  private static Window<KV<String, Integer>> twoMinuteWindows() {
    return Window.into(FixedWindows.of(TWO_MINUTES));
  }

  @Test
  void figure2_3ClassicBatchSumsEverythingInTheGlobalWindow() {
    check(batch(), null,
        "[global window]: TeamX:48 END_OF_GLOBAL_WINDOW ON_TIME index=0 onTimeIndex=0 isFirst isLast");
  }

  @Test
  void figure2_5WindowedBatchSumsEachTwoMinuteWindow() {
    check(batch(), twoMinuteWindows(),
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_6PerRecordTriggeringFiresAnEarlyPaneForEveryScore() {
    check(simpleStream(), twoMinuteWindows()
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(THOUSAND_DAYS).accumulatingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 EARLY index=1",
        "[12:02:00, 12:04:00): TeamX:7 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:10 12:03:59 EARLY index=1",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 EARLY index=2",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:3 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:11 12:07:59 EARLY index=1",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 EARLY index=2");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_7AlignedDelayFiresMicroBatches() {
    check(simpleStream(), twoMinuteWindows()
            .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane()
                .alignedTo(TWO_MINUTES, at("12:05:00"))))
            .withAllowedLateness(THOUSAND_DAYS).accumulatingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 ON_TIME index=1 onTimeIndex=0 isLast",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=1 onTimeIndex=0 isLast",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=1 onTimeIndex=0 isLast",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=1 onTimeIndex=0 isLast");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_8UnalignedDelayFiresTwoMinutesAfterEachPanesFirstScore() {
    check(stream(Watermark.NONE, false), twoMinuteWindows()
            .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(TWO_MINUTES)))
            .withAllowedLateness(THOUSAND_DAYS).accumulatingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 ON_TIME index=1 onTimeIndex=0 isLast",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=1 onTimeIndex=0 isLast",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=1 onTimeIndex=0 isLast",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=1 onTimeIndex=0 isLast");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_10PerfectWatermarkFiresEachWindowOnceWithAllItsScores() {
    check(stream(Watermark.PERFECT, false), twoMinuteWindows(),
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_10HeuristicWatermarkDropsTheLateNine() {
    check(stream(Watermark.HEURISTIC, false), twoMinuteWindows(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=0 onTimeIndex=0 isFirst isLast");
  }

  private static Window<KV<String, Integer>> earlyOnTimeLate(Duration lateness) {
    return twoMinuteWindows()
        .triggering(AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(ONE_MINUTE))
            .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(lateness);
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_11EarlyOnTimeLateWithAPerfectWatermarkHasNoLatePanes() {
    check(stream(Watermark.PERFECT, false), earlyOnTimeLate(THOUSAND_DAYS).accumulatingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 ON_TIME index=1 onTimeIndex=0",
        "[12:02:00, 12:04:00): TeamX:10 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 EARLY index=1",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=2 onTimeIndex=0",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=1 onTimeIndex=0",
        "[12:06:00, 12:08:00): TeamX:3 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=1 onTimeIndex=0");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_11EarlyOnTimeLateWithAHeuristicWatermarkFiresALatePaneForTheNine() {
    check(stream(Watermark.HEURISTIC, false), earlyOnTimeLate(THOUSAND_DAYS).accumulatingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 ON_TIME index=1 onTimeIndex=0",
        "[12:00:00, 12:02:00): TeamX:14 12:01:59 LATE index=2 onTimeIndex=1",
        "[12:02:00, 12:04:00): TeamX:10 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=1 onTimeIndex=0",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=1 onTimeIndex=0",
        "[12:06:00, 12:08:00): TeamX:3 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=1 onTimeIndex=0");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_12AllowedLatenessKeepsTheSixButDropsTheNine() {
    check(stream(Watermark.HEURISTIC, true), earlyOnTimeLate(TWO_MINUTES).accumulatingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 ON_TIME index=1 onTimeIndex=0",
        "[12:00:00, 12:02:00): TeamX:11 12:01:59 LATE index=2 onTimeIndex=1",
        "[12:02:00, 12:04:00): TeamX:10 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:18 12:03:59 ON_TIME index=1 onTimeIndex=0",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 ON_TIME index=1 onTimeIndex=0",
        "[12:06:00, 12:08:00): TeamX:3 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:12 12:07:59 ON_TIME index=1 onTimeIndex=0");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure2_13DiscardingPanesCarryOnlyWhatArrivedSinceTheLastFiring() {
    check(stream(Watermark.HEURISTIC, false), earlyOnTimeLate(THOUSAND_DAYS).discardingFiredPanes(),
        "[12:00:00, 12:02:00): TeamX:5 12:01:59 EARLY index=0 isFirst",
        "[12:00:00, 12:02:00): TeamX:0 12:01:59 ON_TIME index=1 onTimeIndex=0",
        "[12:00:00, 12:02:00): TeamX:9 12:01:59 LATE index=2 onTimeIndex=1",
        "[12:02:00, 12:04:00): TeamX:10 12:03:59 EARLY index=0 isFirst",
        "[12:02:00, 12:04:00): TeamX:8 12:03:59 ON_TIME index=1 onTimeIndex=0",
        "[12:04:00, 12:06:00): TeamX:4 12:05:59 EARLY index=0 isFirst",
        "[12:04:00, 12:06:00): TeamX:0 12:05:59 ON_TIME index=1 onTimeIndex=0",
        "[12:06:00, 12:08:00): TeamX:3 12:07:59 EARLY index=0 isFirst",
        "[12:06:00, 12:08:00): TeamX:9 12:07:59 ON_TIME index=1 onTimeIndex=0");
  }

  @Test
  @UsesTestStreamWithProcessingTime
  void figure4_7SessionsMergeAndTheLateNineJoinsTwoSessions() {
    check(stream(Watermark.HEURISTIC, false),
        Window.<KV<String, Integer>>into(Sessions.withGapDuration(ONE_MINUTE))
            .triggering(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(ONE_MINUTE))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(THOUSAND_DAYS).accumulatingFiredPanes(),
        "[12:00:26, 12:01:26): TeamX:5 12:01:25 EARLY index=0 isFirst",
        "[12:00:26, 12:01:26): TeamX:5 12:01:25 ON_TIME index=1 onTimeIndex=0",
        "[12:02:24, 12:03:24): TeamX:7 12:03:23 EARLY index=0 isFirst",
        "[12:02:24, 12:05:19): TeamX:22 12:05:18 EARLY index=0 isFirst",
        "[12:02:24, 12:05:19): TeamX:22 12:05:18 ON_TIME index=1 onTimeIndex=0",
        "[12:00:26, 12:05:19): TeamX:36 12:05:18 LATE index=0 onTimeIndex=0 isFirst",
        "[12:06:39, 12:07:39): TeamX:3 12:07:38 EARLY index=0 isFirst",
        "[12:06:39, 12:08:46): TeamX:12 12:08:45 ON_TIME index=0 onTimeIndex=0 isFirst isLast");
  }
}
