package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.io.CountingSource;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.PeriodicImpulse;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesUnboundedSource;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: reading unbounded sources ({@code Read.from(UnboundedSource)}, bounded reads of
 * them, unbounded {@code GenerateSequence}, {@code PeriodicImpulse}): every element once, with
 * its reader's timestamp; windows closing on time as the readers' watermarks pass them; records
 * the source asks to deduplicate delivered once; the record limit and read time of a bounded read
 * respected. Every source here ends (its watermark reaches the end of time), so the runs end.
 */
@UsesUnboundedSource
class UnboundedSourceTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static List<String> items(int count, long millisApart) {
    return IntStream.range(0, count).mapToObj(i -> "v" + i + "@" + (i * millisApart)).toList();
  }

  @Test
  void aBoundedReadOfACountingSourceYieldsExactlyItsFirstNumbers() {
    // More than 10,000 records: a runner may read them in several splits, each its share.
    PCollection<Long> numbers = p.apply(Read.from(CountingSource.unbounded())
        .withMaxNumRecords(12_345));

    PAssert.that(numbers).containsInAnyOrder(LongStream.range(0, 12_345).boxed().toList());
    PAssert.thatSingleton(numbers.apply(Count.globally())).isEqualTo(12_345L);
    p.run();
  }

  @Test
  void aBoundedReadOfACustomSourceStopsAfterTheRecordLimit() {
    PCollection<String> read = p.apply(Read.from(ListUnboundedSource.of(items(50, 1_000)))
        .withMaxNumRecords(7));

    List<String> values = items(50, 1_000).stream().map(i -> i.substring(0, i.indexOf('@')))
        .toList();
    PAssert.that(read).satisfies(elements -> {
      List<String> all = new ArrayList<>();
      elements.forEach(all::add);
      assertThat(all).hasSize(7).doesNotHaveDuplicates().isSubsetOf(values);
      return null;
    });
    p.run();
  }

  @Test
  void generateSequenceWithARateYieldsExactlyTheRange() {
    PAssert.that(p.apply(GenerateSequence.from(0).to(10).withRate(100, Duration.ofSeconds(1))))
        .containsInAnyOrder(LongStream.range(0, 10).boxed().toList());
    p.run();
  }

  @Test
  void generateSequenceWithATimestampFunctionStampsEachValue() {
    PCollection<String> stamped = p.apply(GenerateSequence.from(0).to(5)
            .withTimestampFn(v -> Instant.EPOCH.plus(Duration.ofMinutes(v))))
        .apply(ParDo.of(new BoundedSourceTest.ShowTimestampFn<>()));

    PAssert.that(stamped).containsInAnyOrder("0@0", "1@60000", "2@120000", "3@180000",
        "4@240000");
    p.run();
  }

  @Test
  void generateSequenceWithAMaxReadTimeEnds() {
    PCollection<Long> numbers = p.apply(GenerateSequence.from(0)
        .withRate(50, Duration.ofSeconds(1)).withMaxReadTime(Duration.ofMillis(300)));

    PAssert.that(numbers).satisfies(elements -> {
      List<Long> all = new ArrayList<>();
      elements.forEach(all::add);
      // The rate allows value 0 at once; 50 per second in all for 300 ms is far from 1,000.
      assertThat(all).contains(0L).doesNotHaveDuplicates().allMatch(v -> v >= 0 && v < 1_000);
      return null;
    });
    p.run();
  }

  @Test
  void anUnboundedSourceIsReadWholeWithItsReadersTimestamps() {
    PCollection<String> read = p.apply(Read.from(ListUnboundedSource.of(items(20, 1_000))))
        .apply(ParDo.of(new BoundedSourceTest.ShowTimestampFn<>()));

    PAssert.that(read).containsInAnyOrder(items(20, 1_000));
    p.run();
  }

  /** "n" for every element. */
  static final class ConstantFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(OutputReceiver<String> out) {
      out.output("n");
    }
  }

  @Test
  void windowsCloseOnTimeAsTheReadersWatermarksPassThem() {
    // n at 0 s, 10 s, ..., 240 s; every reader's watermark is its next element's timestamp.
    PCollection<String> panes = p.apply(Read.from(ListUnboundedSource.of(items(25, 10_000))))
        .apply(ParDo.of(new ConstantFn()))
        .apply(Window.into(FixedWindows.of(Duration.ofMinutes(1))))
        .apply(Count.perElement())
        .apply(ParDo.of(new DescribePaneFn<>()));

    PAssert.that(panes).containsInAnyOrder(
        "[0m, 1m) n:6 ON_TIME index=0 onTimeIndex=0 first last",
        "[1m, 2m) n:6 ON_TIME index=0 onTimeIndex=0 first last",
        "[2m, 3m) n:6 ON_TIME index=0 onTimeIndex=0 first last",
        "[3m, 4m) n:6 ON_TIME index=0 onTimeIndex=0 first last",
        "[4m, 5m) n:1 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }

  @Test
  void recordsTheSourceDeliversTwiceAreReadOnce() {
    PCollection<String> read = p.apply(
        Read.from(ListUnboundedSource.deliveringTwice(items(20, 1_000))))
        .apply(ParDo.of(new BoundedSourceTest.ShowTimestampFn<>()));

    PAssert.that(read).containsInAnyOrder(items(20, 1_000));
    p.run();
  }

  /**
   * {@code "offset ts=same due=reached"}: the instant's offset from {@code start} in ms, whether
   * its timestamp is itself, and whether the wall clock had reached it when it was processed.
   */
  static final class ShowImpulseFn extends DoFn<Instant, String> {
    private static final long serialVersionUID = 1L;
    private final Instant start;

    ShowImpulseFn(Instant start) {
      this.start = start;
    }

    @ProcessElement
    public void process(@Element Instant instant, @Timestamp Instant timestamp,
        OutputReceiver<String> out) {
      out.output(Duration.between(start, instant).toMillis() + " ts=" + timestamp.equals(instant)
          + " due=" + !Instant.now().isBefore(instant));
    }
  }

  /** A start a few hundred ms ahead, on a multiple of 100 ms since the epoch. */
  private static Instant alignedStartAhead() {
    return Instant.ofEpochMilli((System.currentTimeMillis() / 100 + 3) * 100);
  }

  @Test
  void periodicImpulseEmitsItsInstantsOnceTheWallClockReachesThem() {
    Instant start = alignedStartAhead();
    PCollection<String> shown = p.apply(PeriodicImpulse.create().startAt(start)
            .stopAt(start.plusMillis(400)).withInterval(Duration.ofMillis(100)))
        .apply(ParDo.of(new ShowImpulseFn(start)));

    PAssert.that(shown).containsInAnyOrder("0 ts=true due=true", "100 ts=true due=true",
        "200 ts=true due=true", "300 ts=true due=true", "400 ts=true due=true");
    p.run();
  }

  @Test
  void periodicImpulseEmitsInstantsAlreadyPastAtOnceAndTheRestOnTime() {
    // Starts a second ago and stops about 200 ms from now.
    Instant start = Instant.ofEpochMilli((System.currentTimeMillis() / 100 - 10) * 100);
    PCollection<String> shown = p.apply(PeriodicImpulse.create().startAt(start)
            .stopAt(start.plusMillis(1_200)).withInterval(Duration.ofMillis(300)))
        .apply(ParDo.of(new ShowImpulseFn(start)));

    PAssert.that(shown).containsInAnyOrder("0 ts=true due=true", "300 ts=true due=true",
        "600 ts=true due=true", "900 ts=true due=true", "1200 ts=true due=true");
    p.run();
  }

  /** {@code "windowOffset+windowLength:count"}, offsets from {@code start} in ms. */
  static final class ShowWindowCountFn extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;
    private final Instant start;

    ShowWindowCountFn(Instant start) {
      this.start = start;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> count, BoundedWindow window,
        OutputReceiver<String> out) {
      IntervalWindow interval = (IntervalWindow) window;
      out.output(Duration.between(start, interval.start()).toMillis() + "+"
          + Duration.between(interval.start(), interval.end()).toMillis() + ":"
          + count.getValue());
    }
  }

  @Test
  void periodicImpulseWithWindowingPutsEachInstantInItsOwnWindow() {
    Instant start = alignedStartAhead();
    PCollection<String> windows = p.apply(PeriodicImpulse.create().startAt(start)
            .stopAt(start.plusMillis(300)).withInterval(Duration.ofMillis(100)).applyWindowing())
        .apply(WithKeys.of("k"))
        .apply(Count.perKey())
        .apply(ParDo.of(new ShowWindowCountFn(start)));

    PAssert.that(windows).containsInAnyOrder("0+100:1", "100+100:1", "200+100:1", "300+100:1");
    p.run();
  }
}
