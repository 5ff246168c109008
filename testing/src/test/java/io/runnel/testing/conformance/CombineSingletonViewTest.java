package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: {@code Combine.globally(fn).asSingletonView()} in non-global windows gives each
 * window its combined value, and a window with no input the CombineFn's default ({@code Sum} ->
 * 0), as in Beam.
 */
class CombineSingletonViewTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  /** Labels each word with the side input's value in the word's window. */
  static final class LabelFn extends DoFn<String, String> {
    private final PCollectionView<Integer> sums;

    LabelFn(PCollectionView<Integer> sums) {
      this.sums = sums;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() + "=" + c.sideInput(sums));
    }
  }

  @Test
  void anEmptyWindowReadsTheCombineFnsDefault() {
    Window<Integer> minutes = Window.into(FixedWindows.of(Duration.ofMinutes(1)));
    PCollectionView<Integer> sums = p
        .apply("Numbers", Create.timestamped(TimestampedValue.of(5, at(20)),
            TimestampedValue.of(7, at(30))))
        .apply("NumbersIntoMinutes", minutes)
        .apply(Combine.globally(Sum.ofIntegers()).asSingletonView());
    PCollection<String> labelled = p
        .apply("Words", Create.timestamped(TimestampedValue.of("a", at(10)),
            TimestampedValue.of("b", at(70))))
        .apply("WordsIntoMinutes", Window.<String>into(FixedWindows.of(Duration.ofMinutes(1))))
        .apply(ParDo.of(new LabelFn(sums)).withSideInputs(sums));
    PAssert.that(labelled).containsInAnyOrder("a=12", "b=0");
    p.run();
  }
}
