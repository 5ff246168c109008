package io.runnel.sdk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.io.CountingSource.CounterMark;
import io.runnel.sdk.io.UnboundedSource.UnboundedReader;
import io.runnel.sdk.io.internal.ManualWallClock;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The unbounded counting source, through its readers, checkpoints and splits. */
class UnboundedCountingSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final ManualWallClock clock = new ManualWallClock(T0);

  @Test
  void withoutARateReadsConsecutiveValuesAsFastAsAsked() throws Exception {
    UnboundedReader<Long> reader = source(5).createReader(OPTIONS, null);

    assertThat(readAvailable(reader, true, 100)).containsExactlyElementsOf(
        LongStream.range(5, 105).boxed().toList());
  }

  @Test
  void rateAllowsNoMoreElementsThanElapsedPeriodsPermit() throws Exception {
    // 2 per second from T0: value 0 at once, then one more every half second.
    UnboundedReader<Long> reader = source(0).withRate(2, Duration.ofSeconds(1))
        .createReader(OPTIONS, null);

    List<Long> read = new ArrayList<>(readAvailable(reader, true, 1_000));
    assertThat(read).containsExactly(0L);
    clock.advance(Duration.ofMillis(499));
    read.addAll(readAvailable(reader, false, 1_000));
    assertThat(read).containsExactly(0L);
    clock.advance(Duration.ofMillis(1));
    read.addAll(readAvailable(reader, false, 1_000));
    assertThat(read).containsExactly(0L, 1L);
    clock.advance(Duration.ofMillis(1_500));
    read.addAll(readAvailable(reader, false, 1_000));
    assertThat(read).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void rateCountsFromTheStartOfTheSequence() throws Exception {
    UnboundedReader<Long> reader = source(1_000).withRate(1, Duration.ofSeconds(1))
        .createReader(OPTIONS, null);

    assertThat(readAvailable(reader, true, 10)).containsExactly(1_000L);
    clock.advance(Duration.ofSeconds(2));
    assertThat(readAvailable(reader, false, 10)).containsExactly(1_001L, 1_002L);
  }

  @Test
  void advanceReturnsFalseUntilTheNextValueIsDueAndHasNoCurrentElementMeanwhile()
      throws Exception {
    UnboundedReader<Long> reader = source(0).withRate(1, Duration.ofMinutes(1))
        .createReader(OPTIONS, null);

    assertThat(reader.start()).isTrue();
    assertThat(reader.advance()).isFalse();
    assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(reader.advance()).isTrue();
    assertThat(reader.getCurrent()).isEqualTo(1L);
  }

  @Test
  void resumingFromACheckpointContinuesWithoutGapsOrRepeats() throws Exception {
    UnboundedCountingSource source = source(0).withRate(10, Duration.ofSeconds(1));
    UnboundedReader<Long> first = source.createReader(OPTIONS, null);
    List<Long> read = new ArrayList<>(readAvailable(first, true, 1_000));
    clock.advance(Duration.ofMillis(2_550));
    read.addAll(readAvailable(first, false, 1_000));
    CounterMark mark = (CounterMark) first.getCheckpointMark();
    first.close();

    clock.advance(Duration.ofSeconds(1));
    UnboundedReader<Long> resumed = source.createReader(OPTIONS, roundTrip(
        source.getCheckpointMarkCoder(), mark));
    read.addAll(readAvailable(resumed, true, 1_000));

    // The rate counts from when the first reader started: 10 per second for 3.55 s allows 0..35.
    assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(0, 35).boxed().toList());
  }

  @Test
  void checkpointMarkHoldsTheLastValueReadAndTheStartTime() throws Exception {
    UnboundedReader<Long> reader = source(3).createReader(OPTIONS, null);
    readAvailable(reader, true, 4);

    assertThat(reader.getCheckpointMark()).isEqualTo(new CounterMark(6, T0));
  }

  @Test
  void checkpointMarkCoderRoundTrips() throws Exception {
    Coder<CounterMark> coder = source(0).getCheckpointMarkCoder();

    for (CounterMark mark : List.of(new CounterMark(41, T0), new CounterMark(-1, null),
        new CounterMark(Long.MAX_VALUE, Instant.parse("1970-01-01T00:00:00.000000001Z")))) {
      assertThat(roundTrip(coder, mark)).isEqualTo(mark);
    }
  }

  @Test
  void stridedSplitsTogetherReadEveryValueOnce() throws Exception {
    List<UnboundedCountingSource> splits = source(10).split(3, OPTIONS);

    List<Long> read = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      List<Long> values = readAvailable(splits.get(i).createReader(OPTIONS, null), true, 20);
      long offset = i;
      assertThat(values).allSatisfy(v -> assertThat((v - 10) % 3).isEqualTo(offset));
      read.addAll(values);
    }

    assertThat(splits).hasSize(3);
    assertThat(read).containsExactlyInAnyOrderElementsOf(
        LongStream.range(10, 70).boxed().toList());
  }

  @Test
  void splittingASplitStridesFurther() throws Exception {
    UnboundedCountingSource second = source(0).split(2, OPTIONS).get(1);

    List<UnboundedCountingSource> parts = second.split(2, OPTIONS);

    assertThat(readAvailable(parts.get(0).createReader(OPTIONS, null), true, 3))
        .containsExactly(1L, 5L, 9L);
    assertThat(readAvailable(parts.get(1).createReader(OPTIONS, null), true, 3))
        .containsExactly(3L, 7L, 11L);
  }

  @Test
  void timestampFunctionTimestampsElementsAndDrivesTheWatermark() throws Exception {
    UnboundedReader<Long> reader = source(0)
        .withTimestampFn(v -> Instant.EPOCH.plusSeconds(v * 60))
        .createReader(OPTIONS, null);

    assertThat(reader.start()).isTrue();
    assertThat(reader.advance()).isTrue();

    assertThat(reader.getCurrentTimestamp()).isEqualTo(Instant.parse("1970-01-01T00:01:00Z"));
    assertThat(reader.getWatermark()).isEqualTo(Instant.parse("1970-01-01T00:01:00Z"));
  }

  @Test
  void withoutATimestampFunctionElementsAndWatermarkFollowTheClock() throws Exception {
    UnboundedReader<Long> reader = source(0).createReader(OPTIONS, null);
    clock.advance(Duration.ofSeconds(7));

    assertThat(reader.start()).isTrue();
    clock.advance(Duration.ofSeconds(1));

    assertThat(reader.getCurrentTimestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:07Z"));
    assertThat(reader.getWatermark()).isEqualTo(Instant.parse("2024-01-01T00:00:08Z"));
  }

  @Test
  void backlogIsEightBytesPerDueButUnreadValue() throws Exception {
    UnboundedReader<Long> reader = source(0).withRate(4, Duration.ofSeconds(1))
        .createReader(OPTIONS, null);
    assertThat(reader.start()).isTrue();

    clock.advance(Duration.ofSeconds(1));

    // Values 1 to 4 are due, none read yet.
    assertThat(reader.getSplitBacklogBytes()).isEqualTo(32);
  }

  @Test
  void backlogIsUnknownWithoutARate() throws Exception {
    UnboundedReader<Long> reader = source(0).createReader(OPTIONS, null);
    reader.start();

    assertThat(reader.getSplitBacklogBytes()).isEqualTo(UnboundedReader.BACKLOG_UNKNOWN);
  }

  @Test
  void stopsBeforeOverflowingLongMaxValue() throws Exception {
    UnboundedReader<Long> reader = source(Long.MAX_VALUE - 1).createReader(OPTIONS, null);

    assertThat(readAvailable(reader, true, 10)).containsExactly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
  }

  private UnboundedCountingSource source(long start) {
    return CountingSource.createUnboundedFrom(start).withClock(clock);
  }

  /** Reads what is available now, at most {@code max} values, starting the reader first. */
  static List<Long> readAvailable(UnboundedReader<Long> reader, boolean start, int max)
      throws Exception {
    List<Long> values = new ArrayList<>();
    boolean more = start ? reader.start() : reader.advance();
    while (more) {
      values.add(reader.getCurrent());
      if (values.size() == max) {
        break;
      }
      more = reader.advance();
    }
    return values;
  }

  private static <T> T roundTrip(Coder<T> coder, T value) throws Exception {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }
}
