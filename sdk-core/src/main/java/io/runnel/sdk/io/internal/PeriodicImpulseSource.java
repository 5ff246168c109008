package io.runnel.sdk.io.internal;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The source behind {@code PeriodicImpulse}: the instants {@code start, start + interval, ...}
 * up to {@code stop} inclusive, each timestamped with itself and read only once the {@link
 * WallClock} has reached it (earlier instants are read at once, catching up). The checkpoint
 * mark is the next instant to read. The watermark is, as for Beam's {@code PeriodicSequence},
 * the next instant to read until this reader reads one, then the last instant read, and the end
 * of time ({@code TIMESTAMP_MAX_VALUE}) once an {@code advance()} finds the sequence exhausted. Does not split. Immutable.
 */
public final class PeriodicImpulseSource extends UnboundedSource<Instant, PeriodicImpulseSource.Mark> {
  private static final long serialVersionUID = 1L;
  private static final long BYTES_PER_INSTANT = 8;

  private final Instant start;
  private final Instant stop;
  private final Duration interval;
  private final WallClock clock;

  private PeriodicImpulseSource(Instant start, Instant stop, Duration interval, WallClock clock) {
    this.start = start;
    this.stop = stop;
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * The instants from {@code start} to {@code stop} inclusive, {@code interval} apart.
   *
   * @throws IllegalArgumentException when {@code interval} is not positive
   */
  public static PeriodicImpulseSource of(Instant start, Instant stop, Duration interval,
      WallClock clock) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(clock, "clock");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("PeriodicImpulse interval " + interval + " must be a"
          + " positive duration");
    }
    return new PeriodicImpulseSource(start, stop, interval, clock);
  }

  /** The progress of a reader: the next instant it would read. */
  public record Mark(Instant next) implements UnboundedSource.CheckpointMark {
    public Mark {
      Objects.requireNonNull(next, "next");
    }

    @Override
    public void finalizeCheckpoint() {}
  }

  @Override
  public List<PeriodicImpulseSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<Instant> createReader(PipelineOptions options, Mark checkpointMark) {
    return new Reader(this, checkpointMark == null ? start : checkpointMark.next());
  }

  @Override
  public Coder<Mark> getCheckpointMarkCoder() {
    return MarkCoder.INSTANCE;
  }

  @Override
  public Coder<Instant> getOutputCoder() {
    return InstantCoder.of();
  }

  @Override
  public String toString() {
    return "PeriodicImpulseSource{" + start + " to " + stop + " every " + interval + "}";
  }

  /** {@code instant + interval}, or {@code Instant.MAX} past the range of {@code Instant}. */
  private Instant after(Instant instant) {
    try {
      return instant.plus(interval);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  /** Reads the instants as the clock reaches them. Used by one thread at a time. */
  private static final class Reader extends UnboundedReader<Instant> {
    private final PeriodicImpulseSource source;
    private Instant next;
    private Instant current;
    private Instant lastRead;
    /** Whether an {@code advance()} found nothing left to read, ever. */
    private boolean finished;

    Reader(PeriodicImpulseSource source, Instant next) {
      this.source = source;
      this.next = next;
    }

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      current = null;
      if (isExhausted()) {
        finished = true;
        return false;
      }
      if (source.clock.now().isBefore(next)) {
        return false;
      }
      current = next;
      lastRead = next;
      next = source.after(next);
      return true;
    }

    private boolean isExhausted() {
      return next.isAfter(source.stop);
    }

    @Override
    public Instant getCurrent() {
      if (current == null) {
        throw new NoSuchElementException(source + ": no current instant (reading has not"
            + " started, or the last start() or advance() returned false)");
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return getCurrent();
    }

    @Override
    public Instant getWatermark() {
      if (finished) {
        return BoundedWindow.TIMESTAMP_MAX_VALUE;
      }
      return lastRead != null ? lastRead : next;
    }

    @Override
    public Mark getCheckpointMark() {
      return new Mark(next);
    }

    /** 8 bytes per instant the clock has reached but not yet read, as Beam's estimate. */
    @Override
    public long getSplitBacklogBytes() {
      Instant now = source.clock.now();
      Instant due = now.isBefore(source.stop) ? now : source.stop;
      if (isExhausted() || due.isBefore(next)) {
        return 0;
      }
      long instants = Duration.between(next, due).dividedBy(source.interval) + 1;
      return instants > Long.MAX_VALUE / BYTES_PER_INSTANT ? Long.MAX_VALUE
          : instants * BYTES_PER_INSTANT;
    }

    @Override
    public PeriodicImpulseSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() {}
  }

  /** Encodes a {@link Mark} as its instant. */
  private static final class MarkCoder extends CustomCoder<Mark> {
    private static final long serialVersionUID = 1L;
    static final MarkCoder INSTANCE = new MarkCoder();

    @Override
    public void encode(Mark mark, OutputStream out) throws IOException {
      if (mark == null) {
        throw new CoderException(this + " cannot encode a null mark");
      }
      InstantCoder.of().encode(mark.next(), out);
    }

    @Override
    public Mark decode(InputStream in) throws IOException {
      return new Mark(InstantCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof MarkCoder;
    }

    @Override
    public int hashCode() {
      return MarkCoder.class.hashCode();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
