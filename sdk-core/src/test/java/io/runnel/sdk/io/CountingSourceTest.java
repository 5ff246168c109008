package io.runnel.sdk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounded counting source, through its splits and readers. */
class CountingSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @ParameterizedTest
  @ValueSource(longs = {1, 8, 80, 96, 800, 7_999, 8_000, 1_000_000})
  void splitsCoverTheRangeExactlyOnce(long desiredBundleSizeBytes) throws Exception {
    BoundedSource<Long> source = CountingSource.createSourceForSubrange(7, 1_007);

    List<Long> read = new ArrayList<>();
    long previousEnd = 7;
    for (BoundedSource<Long> split : source.split(desiredBundleSizeBytes, OPTIONS)) {
      BoundedCountingSource range = (BoundedCountingSource) split;
      assertThat(range.getStart()).as("splits are contiguous").isEqualTo(previousEnd);
      previousEnd = range.getEnd();
      read.addAll(readAll(split));
    }

    assertThat(previousEnd).isEqualTo(1_007);
    assertThat(read).containsExactlyElementsOf(LongStream.range(7, 1_007).boxed().toList());
  }

  @Test
  void splitsHoldTheDesiredBundleSizeInNumbersOfEightBytes() throws Exception {
    List<? extends BoundedSource<Long>> splits = CountingSource.upTo(100).split(80, OPTIONS);

    assertThat(splits).hasSize(10)
        .allSatisfy(split -> assertThat(split.getEstimatedSizeBytes(OPTIONS)).isEqualTo(80));
  }

  @Test
  void lastSplitAbsorbsARemainderSmallerThanAQuarterOfABundle() throws Exception {
    // 101 numbers in bundles of 10: the single number left after [90, 100) joins that bundle.
    List<? extends BoundedSource<Long>> splits = CountingSource.upTo(101).split(80, OPTIONS);

    assertThat(splits).hasSize(10);
    assertThat(readAll(splits.get(9))).containsExactly(
        90L, 91L, 92L, 93L, 94L, 95L, 96L, 97L, 98L, 99L, 100L);
  }

  @Test
  void remainderOfAQuarterOfABundleGetsItsOwnSplit() throws Exception {
    // 102 numbers in bundles of 8 (64 bytes): 12 full bundles, and 6 left, 6 >= 8 / 4.
    List<? extends BoundedSource<Long>> splits = CountingSource.upTo(102).split(64, OPTIONS);

    assertThat(splits).hasSize(13);
    assertThat(readAll(splits.get(12))).containsExactly(96L, 97L, 98L, 99L, 100L, 101L);
  }

  @Test
  void estimatedSizeIsEightBytesPerNumber() throws Exception {
    assertThat(CountingSource.upTo(1_000).getEstimatedSizeBytes(OPTIONS)).isEqualTo(8_000);
    assertThat(CountingSource.createSourceForSubrange(5, 15).getEstimatedSizeBytes(OPTIONS))
        .isEqualTo(80);
  }

  @Test
  void emptyRangeReadsNothingAndHasNoSplits() throws Exception {
    BoundedSource<Long> empty = CountingSource.createSourceForSubrange(4, 4);

    assertThat(readAll(empty)).isEmpty();
    assertThat(empty.split(8, OPTIONS)).isEmpty();
    assertThat(empty.getEstimatedSizeBytes(OPTIONS)).isZero();
  }

  @Test
  void readerHasNoCurrentElementBeforeStartOrAfterTheEnd() throws Exception {
    BoundedSource.BoundedReader<Long> reader = CountingSource.upTo(1).createReader(OPTIONS);

    assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
    assertThat(reader.start()).isTrue();
    assertThat(reader.getCurrent()).isZero();
    assertThat(reader.advance()).isFalse();
    assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void elementsHaveTheMinimumTimestamp() throws Exception {
    BoundedSource.BoundedReader<Long> reader = CountingSource.upTo(3).createReader(OPTIONS);

    assertThat(reader.start()).isTrue();
    assertThat(reader.getCurrentTimestamp()).isEqualTo(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  @Test
  void fractionConsumedGoesFromZeroToOne() throws Exception {
    BoundedSource.BoundedReader<Long> reader = CountingSource.upTo(4).createReader(OPTIONS);
    List<Double> fractions = new ArrayList<>();

    fractions.add(reader.getFractionConsumed());
    for (boolean more = reader.start(); more; more = reader.advance()) {
      fractions.add(reader.getFractionConsumed());
    }
    fractions.add(reader.getFractionConsumed());

    assertThat(fractions).containsExactly(0.0, 0.0, 0.25, 0.5, 0.75, 1.0);
  }

  @Test
  void readerCannotSplitDynamically() throws Exception {
    BoundedSource.BoundedReader<Long> reader = CountingSource.upTo(10).createReader(OPTIONS);
    reader.start();

    assertThat(reader.splitAtFraction(0.5)).isNull();
    assertThat(reader.getCurrentSource()).isEqualTo(CountingSource.upTo(10));
  }

  @Test
  void outputCoderIsVarLong() {
    assertThat(CountingSource.upTo(3).getOutputCoder()).isEqualTo(VarLongCoder.of());
  }

  @Test
  void negativeNumberOfElementsIsRejected() {
    assertThatThrownBy(() -> CountingSource.upTo(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CountingSource.upTo(-1)");
  }

  static List<Long> readAll(BoundedSource<Long> source) throws Exception {
    List<Long> values = new ArrayList<>();
    try (BoundedSource.BoundedReader<Long> reader = source.createReader(OPTIONS)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        values.add(reader.getCurrent());
      }
    }
    return values;
  }
}
