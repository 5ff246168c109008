package io.runnel.samples;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.SerializableCoder;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A live feed of GPS pings for {@link LocationTracking}: replays recorded pings in real time, as
 * if the agents were sending them now. Reading starts at the first ping's event time; a ping
 * whose event time is {@code d} after it is read {@code d / speed} of wall-clock time after the
 * reader started (speed 1: as they happened; speed 60: a minute of event time per second). Pings
 * keep their event times as timestamps. The watermark is the replay clock, the event time reached
 * so far, never past the next ping to read.
 *
 * <p>Once every ping has been replayed the feed goes quiet but stays open, as a real feed whose
 * devices stopped sending: the watermark keeps following the replay clock, nothing more is read,
 * and the run goes on until it is cancelled. So processing-time timers, such as the tracker's
 * {@code MISSING} alert, fire for agents that stopped pinging.
 *
 * <p>The source splits by agent (each agent's pings in one split, in event-time order); all
 * splits share the same start of event time, so they replay in step. Immutable and
 * serializable: it holds the pings as their CSV lines ({@link Ping#toCsv()}, six decimals).
 */
public final class PingReplaySource extends UnboundedSource<Ping, PingReplaySource.Position> {
  private static final long serialVersionUID = 1L;

  private final List<String> pings;
  private final long originMillis;
  private final double speed;

  private PingReplaySource(List<String> pings, long originMillis, double speed) {
    this.pings = pings;
    this.originMillis = originMillis;
    this.speed = speed;
  }

  /**
   * A replay of {@code pings} (any order) at {@code speed} times real time.
   *
   * @throws IllegalArgumentException when there are no pings or {@code speed} is not positive
   */
  public static PingReplaySource of(List<Ping> pings, double speed) {
    if (pings.isEmpty()) {
      throw new IllegalArgumentException("PingReplaySource.of: give at least one ping to replay");
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("PingReplaySource.of(pings, " + speed + "): the speed"
          + " must be a positive number, e.g. 1 for real time or 60 for a minute per second");
    }
    List<Ping> ordered = new ArrayList<>(pings);
    ordered.sort(Comparator.comparingLong(Ping::eventTimeMillis));
    return new PingReplaySource(ordered.stream().map(Ping::toCsv).toList(),
        ordered.get(0).eventTimeMillis(), speed);
  }

  /** Where a reader stands: the next of its pings to read, and when it started (wall clock). */
  public record Position(int next, Instant startedAt) implements CheckpointMark, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void finalizeCheckpoint() {}
  }

  /** Up to {@code desiredNumSplits} parts, each agent's pings in one of them. */
  @Override
  public List<PingReplaySource> split(int desiredNumSplits, PipelineOptions options) {
    int parts = Math.max(1, desiredNumSplits);
    List<List<String>> byPart = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      byPart.add(new ArrayList<>());
    }
    for (String line : pings) {
      byPart.get(Math.floorMod(Ping.parse(line).agentId().hashCode(), parts)).add(line);
    }
    List<PingReplaySource> splits = new ArrayList<>();
    for (List<String> part : byPart) {
      if (!part.isEmpty()) {
        splits.add(new PingReplaySource(List.copyOf(part), originMillis, speed));
      }
    }
    return splits;
  }

  @Override
  public UnboundedReader<Ping> createReader(PipelineOptions options, Position mark) {
    return new Reader(mark);
  }

  @Override
  public Coder<Position> getCheckpointMarkCoder() {
    return SerializableCoder.of(Position.class);
  }

  @Override
  public Coder<Ping> getOutputCoder() {
    return Ping.PingCoder.of();
  }

  @Override
  public String toString() {
    return "PingReplaySource{" + pings.size() + " pings from " + Instant.ofEpochMilli(originMillis)
        + " at " + speed + "x}";
  }

  /** Reads pings as the replay clock reaches them. Used by one thread at a time. */
  private final class Reader extends UnboundedReader<Ping> {
    private int next;
    private Instant startedAt;
    private Ping current;

    Reader(Position mark) {
      if (mark != null) {
        next = mark.next();
        startedAt = mark.startedAt();
      }
    }

    /** The event time the replay has reached at this wall-clock instant. */
    private long replayMillis(Instant now) {
      double wallMillis = Duration.between(startedAt, now).toNanos() / 1e6;
      return originMillis + (long) Math.floor(Math.max(0, wallMillis) * speed);
    }

    @Override
    public boolean start() {
      if (startedAt == null) {
        startedAt = Instant.now();
      }
      return advance();
    }

    @Override
    public boolean advance() {
      current = null;
      if (next >= pings.size()) {
        return false;
      }
      Ping ping = Ping.parse(pings.get(next));
      if (ping.eventTimeMillis() > replayMillis(Instant.now())) {
        return false;
      }
      next++;
      current = ping;
      return true;
    }

    @Override
    public Ping getCurrent() {
      if (current == null) {
        throw new NoSuchElementException(PingReplaySource.this + ": no current ping");
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return getCurrent().eventTime();
    }

    @Override
    public Instant getWatermark() {
      long replayed = replayMillis(Instant.now());
      if (next < pings.size()) {
        replayed = Math.min(replayed, Ping.parse(pings.get(next)).eventTimeMillis());
      }
      return Instant.ofEpochMilli(replayed);
    }

    @Override
    public Position getCheckpointMark() {
      return new Position(next, Objects.requireNonNull(startedAt, "not started"));
    }

    @Override
    public PingReplaySource getCurrentSource() {
      return PingReplaySource.this;
    }

    @Override
    public void close() {}
  }
}
