package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Filter;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesSideInputs;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.SlidingWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: which window of a windowed side input a main-input element reads. As in Beam,
 * the side input's {@code WindowFn} maps the main window (by its max timestamp) to one of its
 * windows: fixed windows the one holding it, sliding windows the latest-starting one.
 */
@UsesSideInputs
class WindowedSideInputTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static TimestampedValue<String> at(String value, int minutes, int seconds) {
    return TimestampedValue.of(value, T0.plus(Duration.ofMinutes(minutes).plusSeconds(seconds)));
  }

  /** Outputs each element with the side input's values, sorted. */
  private static final class ReadListFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<String>> view;

    ReadListFn(PCollectionView<List<String>> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<String> side = new ArrayList<>(c.sideInput(view));
      side.sort(null);
      c.output(c.element() + ":" + side);
    }
  }

  private PCollection<String> minuteWindowedMain(Pipeline pipeline,
      List<TimestampedValue<String>> elements) {
    return pipeline.apply("Main", Create.timestamped(elements))
        .apply("MainWindows", Window.into(FixedWindows.of(Duration.ofMinutes(1))));
  }

  @Test
  void aMinuteWindowReadsTheFixedSideWindowHoldingItsEnd() {
    PCollectionView<List<String>> side = p
        .apply("Side", Create.timestamped(at("early", 2, 0), at("late", 13, 0)))
        .apply("SideWindows", Window.into(FixedWindows.of(Duration.ofMinutes(10))))
        .apply(View.asList());
    PCollection<String> out = minuteWindowedMain(p,
            List.of(at("m1", 5, 30), at("m2", 19, 59), at("m3", 10, 0), at("m4", 9, 59)))
        .apply(ParDo.of(new ReadListFn(side)).withSideInputs(side));

    // m4's window [00:09, 00:10) ends in the side window [00:00, 00:10); m3's starts the next.
    PAssert.that(out).containsInAnyOrder("m1:[early]", "m2:[late]", "m3:[late]", "m4:[early]");
    p.run();
  }

  @Test
  void aMinuteWindowReadsTheLatestStartingSlidingSideWindowHoldingItsEnd() {
    PCollectionView<List<String>> side = p
        .apply("Side", Create.timestamped(at("a", 7, 0), at("b", 11, 0), at("c", 16, 0)))
        .apply("SideWindows", Window.into(
            SlidingWindows.of(Duration.ofMinutes(10)).every(Duration.ofMinutes(5))))
        .apply(View.asList());
    PCollection<String> out = minuteWindowedMain(p, List.of(at("m", 12, 30), at("n", 4, 0)))
        .apply(ParDo.of(new ReadListFn(side)).withSideInputs(side));

    // [00:12, 00:13) lies in [00:05, 00:15) and [00:10, 00:20): the latest start is 00:10.
    // [00:04, 00:05) lies in [23:55, 00:05) and [00:00, 00:10): the latest start is 00:00.
    PAssert.that(out).containsInAnyOrder("m:[b, c]", "n:[a]");
    p.run();
  }

  /**
   * Late data reaching a side-input window after it was first read shows in later reads, as
   * Beam's side inputs follow new panes; the earlier read keeps what it saw.
   */
  @Test
  @UsesTestStream
  void lateSideInputDataShowsInLaterReadsOfItsWindow() {
    PCollection<String> events = p.apply(TestStream.create(StringUtf8Coder.of())
        .addElements(at("side:a", 1, 0), at("main:m1", 2, 0))
        .advanceWatermarkTo(T0.plus(Duration.ofMinutes(15)))
        .addElements(at("side:b", 3, 0))
        .addElements(at("main:m2", 4, 0))
        .advanceWatermarkToInfinity());
    PCollection<String> windowed = events
        .apply(Window.into(FixedWindows.of(Duration.ofMinutes(10))));
    PCollectionView<List<String>> side = windowed
        .apply("SideOnly", Filter.by(e -> e.startsWith("side:")))
        .apply(View.asList());
    PCollection<String> out = windowed
        .apply("MainOnly", Filter.by(e -> e.startsWith("main:")))
        .apply(ParDo.of(new ReadListFn(side)).withSideInputs(side));

    PAssert.that(out).containsInAnyOrder("main:m1:[side:a]", "main:m2:[side:a, side:b]");
    p.run();
  }

  @Test
  void sessionWindowsCannotBackASideInput() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollection<String> sessions = pipeline
        .apply("Side", Create.timestamped(at("a", 0, 0)))
        .apply("SideSessions", Window.into(Sessions.withGapDuration(Duration.ofMinutes(5))));

    assertThatThrownBy(() -> sessions.apply(View.asList()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(sessions.getName())
        .hasMessageContaining("Sessions cannot window a side input");
  }

  @Test
  void aGloballyWindowedInputCannotReadAWindowedSideInput() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollectionView<List<String>> side = pipeline
        .apply("Side", Create.timestamped(at("a", 0, 0)))
        .apply("SideWindows", Window.into(FixedWindows.of(Duration.ofMinutes(10))))
        .apply(View.asList());
    PCollection<String> main = pipeline.apply("Main", Create.of("m"));

    assertThatThrownBy(() -> main.apply("ReadSide",
            ParDo.of(new ReadListFn(side)).withSideInputs(side)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ReadListFn")
        .hasMessageContaining("global window")
        .hasMessageContaining("Window.into");
  }
}
