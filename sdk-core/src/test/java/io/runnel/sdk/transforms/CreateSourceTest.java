package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.BigEndianIntegerCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.NullableCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The source behind Create, through its splits and readers. */
class CreateSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();
  /** Big-endian ints encode to exactly 4 bytes each. */
  private static final Coder<Integer> FOUR_BYTES = BigEndianIntegerCoder.of();

  @Test
  void everyValueIsReadExactlyOnceInOrderForManySplitSizes() throws Exception {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      values.add("v" + i + "-".repeat(i % 13));
    }
    CreateSource<String> source = CreateSource.fromValues(values, StringUtf8Coder.of(), "Create");
    long size = source.getEstimatedSizeBytes(OPTIONS);

    for (long desired : new long[] {1, 2, 3, 7, 64, 1000, size / 16, size - 1, size, size * 10,
        Long.MAX_VALUE}) {
      List<CreateSource<String>> splits = source.split(desired, OPTIONS);
      assertThat(readAll(splits)).as("desired bundle size %s", desired).isEqualTo(values);
    }
  }

  @Test
  void estimatedSizeIsTheEncodedSizeOfTheValues() throws Exception {
    List<String> values = List.of("a", "bb", "", "dddd");
    long encoded = 0;
    for (String value : values) {
      encoded += CoderUtils.encodeToByteArray(StringUtf8Coder.of(), value).length;
    }

    CreateSource<String> source = CreateSource.fromValues(values, StringUtf8Coder.of(), "Create");

    assertThat(source.getEstimatedSizeBytes(OPTIONS)).isEqualTo(encoded);
  }

  @Test
  void splitsAreConsecutiveRangesHoldingAtLeastTheDesiredBytes() throws Exception {
    CreateSource<Integer> source = fourByteSource(10);

    List<CreateSource<Integer>> splits = source.split(8, OPTIONS);

    assertThat(splits).extracting(CreateSource::size).containsExactly(2, 2, 2, 2, 2);
    assertThat(splits).extracting(s -> s.getEstimatedSizeBytes(OPTIONS))
        .containsExactly(8L, 8L, 8L, 8L, 8L);
    assertThat(readAll(splits)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void lastSplitTakesARemainderSmallerThanAQuarterOfTheDesiredSize() throws Exception {
    CreateSource<Integer> source = fourByteSource(10);

    assertThat(source.split(36, OPTIONS)).extracting(CreateSource::size).containsExactly(10);
    assertThat(source.split(12, OPTIONS)).extracting(CreateSource::size).containsExactly(3, 3, 3, 1);
  }

  @Test
  void aSplitSizeOfOneByteGivesOneValuePerSplit() throws Exception {
    assertThat(fourByteSource(5).split(1, OPTIONS)).extracting(CreateSource::size)
        .containsExactly(1, 1, 1, 1, 1);
  }

  @Test
  void aSplitLargerThanTheSourceIsTheWholeSource() throws Exception {
    CreateSource<Integer> source = fourByteSource(5);

    assertThat(source.split(1_000, OPTIONS)).containsExactly(source);
  }

  @Test
  void valuesThatEncodeToNoBytesStillSplitIntoWholeValues() throws Exception {
    List<Void> nulls = Arrays.asList(null, null, null);
    CreateSource<Void> source = CreateSource.fromValues(nulls,
        io.runnel.sdk.coders.VoidCoder.of(), "Create");

    assertThat(source.getEstimatedSizeBytes(OPTIONS)).isZero();
    assertThat(readAll(source.split(1, OPTIONS))).containsExactly(null, null, null);
  }

  @Test
  void emptySourceHasNoSplitsAndItsReaderReadsNothing() throws Exception {
    CreateSource<String> source = CreateSource.fromValues(List.of(), StringUtf8Coder.of(), "Create");

    assertThat(source.getEstimatedSizeBytes(OPTIONS)).isZero();
    assertThat(source.split(1, OPTIONS)).isEmpty();
    assertThat(readAll(List.of(source))).isEmpty();
    assertThat(source.getOutputCoder()).isEqualTo(StringUtf8Coder.of());
  }

  @Test
  void nullValuesAreReadBackAsNull() throws Exception {
    List<String> values = Arrays.asList("a", null, "c", null);
    CreateSource<String> source = CreateSource.fromValues(values,
        NullableCoder.of(StringUtf8Coder.of()), "Create");

    assertThat(readAll(source.split(1, OPTIONS))).containsExactly("a", null, "c", null);
  }

  @Test
  void untimedValuesHaveTheMinimumTimestamp() throws Exception {
    CreateSource<Integer> source = fourByteSource(2);

    try (BoundedSource.BoundedReader<Integer> reader = source.createReader(OPTIONS)) {
      assertThat(reader.start()).isTrue();
      assertThat(reader.getCurrentTimestamp()).isEqualTo(BoundedWindow.TIMESTAMP_MIN_VALUE);
    }
  }

  @Test
  void timestampedValuesAreReadWithTheirExactTimestampsFromEverySplit() throws Exception {
    List<TimestampedValue<String>> values = List.of(
        TimestampedValue.of("min", BoundedWindow.TIMESTAMP_MIN_VALUE),
        TimestampedValue.of("nanos", Instant.ofEpochSecond(1_700_000_000L, 123_456_789)),
        TimestampedValue.of("epoch", Instant.EPOCH),
        TimestampedValue.of("max", BoundedWindow.TIMESTAMP_MAX_VALUE));
    CreateSource<String> source =
        CreateSource.fromTimestampedValues(values, StringUtf8Coder.of(), "Create");

    assertThat(readTimestamped(source.split(1, OPTIONS))).isEqualTo(values);
    assertThat(readTimestamped(List.of(source))).isEqualTo(values);
  }

  @Test
  void aValueTheCoderCannotEncodeFailsNamingTheTransformTheValueAndItsIndex() {
    List<String> values = Arrays.asList("a", null);

    assertThatThrownBy(() -> CreateSource.fromValues(values, StringUtf8Coder.of(), "Outer/Names"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Outer/Names'")
        .hasMessageContaining("index 1 ('null')")
        .hasMessageContaining(".withCoder(coder)");
  }

  @Test
  void aTimestampBeyondTheEndOfTimeFailsNamingTheValue() {
    Instant tooLate = BoundedWindow.TIMESTAMP_MAX_VALUE.plusMillis(1);
    List<TimestampedValue<String>> values = List.of(TimestampedValue.of("late", tooLate));

    assertThatThrownBy(() -> CreateSource.fromTimestampedValues(values, StringUtf8Coder.of(), "C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 0 ('late')")
        .hasMessageContaining(tooLate.toString());
  }

  @Test
  void aSplitSurvivesJavaSerializationWithOnlyItsOwnValues() throws Exception {
    CreateSource<Integer> source = fourByteSource(1_000);
    CreateSource<Integer> lastTenth = source.split(400, OPTIONS).get(9);

    byte[] whole = JavaSerialization.serialize(source, "whole");
    byte[] part = JavaSerialization.serialize(lastTenth, "part");
    @SuppressWarnings("unchecked")
    CreateSource<Integer> copy = (CreateSource<Integer>) JavaSerialization.deserialize(part, "part");

    assertThat(readAll(List.of(copy))).isEqualTo(IntStream.range(900, 1_000).boxed().toList());
    assertThat(part.length).isLessThan(whole.length / 5);
  }

  @Test
  void readerReportsProgressAndSplitPoints() throws Exception {
    try (BoundedSource.BoundedReader<Integer> reader = fourByteSource(4).createReader(OPTIONS)) {
      assertThat(reader.getFractionConsumed()).isEqualTo(0.0);
      assertThat(reader.getSplitPointsRemaining()).isEqualTo(4);
      reader.start();
      reader.advance();
      assertThat(reader.getFractionConsumed()).isEqualTo(0.25);
      assertThat(reader.getSplitPointsConsumed()).isEqualTo(1);
      assertThat(reader.getSplitPointsRemaining()).isEqualTo(3);
      reader.advance();
      reader.advance();
      assertThat(reader.advance()).isFalse();
      assertThat(reader.getFractionConsumed()).isEqualTo(1.0);
      assertThat(reader.getSplitPointsRemaining()).isZero();
    }
  }

  @Test
  void currentThrowsBeforeStartAndAfterTheEnd() throws Exception {
    try (BoundedSource.BoundedReader<Integer> reader = fourByteSource(1).createReader(OPTIONS)) {
      assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
      assertThat(reader.start()).isTrue();
      assertThat(reader.getCurrent()).isZero();
      assertThat(reader.advance()).isFalse();
      assertThatThrownBy(reader::getCurrentTimestamp).isInstanceOf(NoSuchElementException.class);
    }
  }

  private static CreateSource<Integer> fourByteSource(int n) {
    return CreateSource.fromValues(IntStream.range(0, n).boxed().toList(), FOUR_BYTES, "Create");
  }

  private static <T> List<T> readAll(List<? extends BoundedSource<T>> splits) throws Exception {
    List<T> out = new ArrayList<>();
    for (TimestampedValue<T> value : readTimestamped(splits)) {
      out.add(value.getValue());
    }
    return out;
  }

  private static <T> List<TimestampedValue<T>> readTimestamped(
      List<? extends BoundedSource<T>> splits) throws Exception {
    List<TimestampedValue<T>> out = new ArrayList<>();
    for (BoundedSource<T> split : splits) {
      try (BoundedSource.BoundedReader<T> reader = split.createReader(OPTIONS)) {
        for (boolean more = reader.start(); more; more = reader.advance()) {
          out.add(TimestampedValue.of(reader.getCurrent(), reader.getCurrentTimestamp()));
        }
      }
    }
    return out;
  }
}
