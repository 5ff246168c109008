package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.io.UnboundedSource.UnboundedReader;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.windowing.BoundedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The source of PeriodicImpulse, read with a clock moved by hand. */
class PeriodicImpulseSourceTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();
  private static final Instant START = Instant.parse("2024-03-01T12:00:00Z");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private final ManualWallClock clock = new ManualWallClock(START.minusSeconds(5));

  @Test
  void emitsEachInstantOnceTheClockReachesItThenStops() throws Exception {
    UnboundedReader<Instant> reader = source(START.plusSeconds(30)).createReader(OPTIONS, null);
    List<Instant> read = new ArrayList<>();

    read.addAll(readAvailable(reader, true));
    assertThat(read).isEmpty();
    clock.set(START);
    read.addAll(readAvailable(reader, false));
    assertThat(read).containsExactly(at(0));
    clock.set(START.plusSeconds(29));
    read.addAll(readAvailable(reader, false));
    assertThat(read).containsExactly(at(0), at(10), at(20));
    clock.set(START.plusSeconds(3_600));
    read.addAll(readAvailable(reader, false));

    assertThat(read).containsExactly(at(0), at(10), at(20), at(30));
    assertThat(reader.advance()).isFalse();
  }

  @Test
  void instantsPastWhenReadingStartsAreEmittedAtOnce() throws Exception {
    clock.set(START.plusSeconds(25));

    List<Instant> read = readAvailable(source(START.plusSeconds(60)).createReader(OPTIONS, null),
        true);

    assertThat(read).containsExactly(at(0), at(10), at(20));
  }

  @Test
  void stopBetweenTwoInstantsEndsAfterTheLastOneBeforeIt() throws Exception {
    clock.set(START.plusSeconds(3_600));

    List<Instant> read = readAvailable(source(START.plusSeconds(25)).createReader(OPTIONS, null),
        true);

    assertThat(read).containsExactly(at(0), at(10), at(20));
  }

  @Test
  void eachElementIsTimestampedWithItsInstant() throws Exception {
    clock.set(START.plusSeconds(10));
    UnboundedReader<Instant> reader = source(START.plusSeconds(30)).createReader(OPTIONS, null);

    assertThat(reader.start()).isTrue();
    assertThat(reader.getCurrentTimestamp()).isEqualTo(at(0));
    assertThat(reader.advance()).isTrue();
    assertThat(reader.getCurrentTimestamp()).isEqualTo(at(10));
  }

  @Test
  void noCurrentElementWhileWaitingForTheClock() throws Exception {
    UnboundedReader<Instant> reader = source(START.plusSeconds(30)).createReader(OPTIONS, null);

    assertThat(reader.start()).isFalse();
    assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void watermarkIsTheNextInstantThenTheLastReadThenTheEndOfTime() throws Exception {
    UnboundedReader<Instant> reader = source(START.plusSeconds(10)).createReader(OPTIONS, null);
    List<Instant> watermarks = new ArrayList<>();

    reader.start();
    watermarks.add(reader.getWatermark());
    clock.set(START.plusSeconds(15));
    reader.advance();
    watermarks.add(reader.getWatermark());
    reader.advance();
    watermarks.add(reader.getWatermark());
    reader.advance();
    watermarks.add(reader.getWatermark());

    assertThat(watermarks).containsExactly(at(0), at(0), at(10),
        BoundedWindow.TIMESTAMP_MAX_VALUE);
  }

  @Test
  void resumingFromACheckpointContinuesWithoutGapsOrRepeats() throws Exception {
    PeriodicImpulseSource source = source(START.plusSeconds(40));
    clock.set(START.plusSeconds(15));
    UnboundedReader<Instant> first = source.createReader(OPTIONS, null);
    List<Instant> read = new ArrayList<>(readAvailable(first, true));
    PeriodicImpulseSource.Mark mark = (PeriodicImpulseSource.Mark) first.getCheckpointMark();
    first.close();

    clock.set(START.plusSeconds(3_600));
    UnboundedReader<Instant> resumed = source.createReader(OPTIONS,
        roundTrip(source.getCheckpointMarkCoder(), mark));
    read.addAll(readAvailable(resumed, true));

    assertThat(mark.next()).isEqualTo(at(20));
    assertThat(read).containsExactly(at(0), at(10), at(20), at(30), at(40));
  }

  @Test
  void checkpointMarkCoderRoundTrips() throws Exception {
    Coder<PeriodicImpulseSource.Mark> coder = source(START).getCheckpointMarkCoder();
    PeriodicImpulseSource.Mark mark = new PeriodicImpulseSource.Mark(START.plusNanos(7));

    assertThat(roundTrip(coder, mark)).isEqualTo(mark);
  }

  @Test
  void backlogIsEightBytesPerInstantDueButNotRead() throws Exception {
    UnboundedReader<Instant> reader = source(START.plusSeconds(60)).createReader(OPTIONS, null);
    reader.start();

    clock.set(START.plusSeconds(25));

    assertThat(reader.getSplitBacklogBytes()).isEqualTo(3 * 8);
  }

  @Test
  void doesNotSplitAndEncodesInstants() throws Exception {
    PeriodicImpulseSource source = source(START.plusSeconds(60));

    assertThat(source.split(4, OPTIONS)).containsExactly(source);
    assertThat(source.getOutputCoder()).isEqualTo(InstantCoder.of());
  }

  @Test
  void nonPositiveIntervalIsRejected() {
    assertThatThrownBy(() -> PeriodicImpulseSource.of(START, START, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
  }

  private PeriodicImpulseSource source(Instant stop) {
    return PeriodicImpulseSource.of(START, stop, TEN_SECONDS, clock);
  }

  private static Instant at(long secondsAfterStart) {
    return START.plusSeconds(secondsAfterStart);
  }

  private static List<Instant> readAvailable(UnboundedReader<Instant> reader, boolean start)
      throws Exception {
    List<Instant> read = new ArrayList<>();
    for (boolean more = start ? reader.start() : reader.advance(); more; more = reader.advance()) {
      read.add(reader.getCurrent());
    }
    return read;
  }

  private static <T> T roundTrip(Coder<T> coder, T value) throws Exception {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }
}
