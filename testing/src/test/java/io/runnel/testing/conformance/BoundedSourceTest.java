package io.runnel.testing.conformance;

import io.runnel.sdk.io.CountingSource;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: reading bounded sources ({@code Read.from(BoundedSource)}, bounded {@code
 * GenerateSequence}) yields exactly the source's elements, each once, with the timestamps its
 * reader gives them, however the runner splits it.
 */
class BoundedSourceTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** {@code "element@millis"}: the element and its timestamp. */
  static final class ShowTimestampFn<T> extends DoFn<T, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T e, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.output(e + "@" + timestamp.toEpochMilli());
    }
  }

  /** "n" for every element. */
  static final class ConstantFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(OutputReceiver<String> out) {
      out.output("n");
    }
  }

  /** {@code "key:count@millis"}. */
  static final class ShowCountFn extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Long> count, @Timestamp Instant timestamp,
        OutputReceiver<String> out) {
      out.output(count.getKey() + ":" + count.getValue() + "@" + timestamp.toEpochMilli());
    }
  }

  @Test
  void generateSequenceFromToYieldsExactlyTheRange() {
    PCollection<Long> numbers = p.apply(GenerateSequence.from(3).to(2003));

    PAssert.that(numbers).containsInAnyOrder(LongStream.range(3, 2003).boxed().toList());
    PAssert.thatSingleton(numbers.apply(Count.globally())).isEqualTo(2000L);
    p.run();
  }

  @Test
  void generateSequenceOfAnEmptyRangeYieldsNothing() {
    PAssert.that(p.apply(GenerateSequence.from(5).to(5))).empty();
    p.run();
  }

  @Test
  void countingSourceYieldsZeroToItsCountAtTheMinimumTimestamp() {
    PCollection<String> numbers = p.apply(Read.from(CountingSource.upTo(3)))
        .apply(ParDo.of(new ShowTimestampFn<>()));

    long min = io.runnel.windowing.BoundedWindow.TIMESTAMP_MIN_VALUE.toEpochMilli();
    PAssert.that(numbers).containsInAnyOrder("0@" + min, "1@" + min, "2@" + min);
    p.run();
  }

  private static List<String> items(int count) {
    return IntStream.range(0, count).mapToObj(i -> "v" + i + "@" + (i * 1_000L)).toList();
  }

  @Test
  void aCustomSourceIsReadWholeWithItsReadersTimestamps() {
    PCollection<String> read = p.apply(Read.from(ListBoundedSource.of(items(500))))
        .apply(ParDo.of(new ShowTimestampFn<>()));

    PAssert.that(read).containsInAnyOrder(items(500));
    p.run();
  }

  @Test
  void aSourceThatDoesNotSplitIsReadWhole() {
    PCollection<String> read = p.apply(Read.from(ListBoundedSource.unsplittable(items(40))))
        .apply(ParDo.of(new ShowTimestampFn<>()));

    PAssert.that(read).containsInAnyOrder(items(40));
    p.run();
  }

  @Test
  void anEmptySourceYieldsNothing() {
    PAssert.that(p.apply(Read.from(ListBoundedSource.of(List.of())))).empty();
    p.run();
  }

  @Test
  void theReadersTimestampsPlaceElementsInWindows() {
    // v0..v24 at 0 s, 1 s, ... 24 s: windows of 10 s hold 10, 10 and 5 of them.
    PCollection<KV<String, Long>> counts = p.apply(Read.from(ListBoundedSource.of(items(25))))
        .apply(ParDo.of(new ConstantFn()))
        .apply(Window.into(FixedWindows.of(Duration.ofSeconds(10))))
        .apply(Count.perElement());

    PCollection<String> shown = counts.apply(ParDo.of(new ShowCountFn()));
    PAssert.that(shown).containsInAnyOrder("n:10@9999", "n:10@19999", "n:5@29999");
    p.run();
  }
}
