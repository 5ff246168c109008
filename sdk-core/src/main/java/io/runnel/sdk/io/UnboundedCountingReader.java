package io.runnel.sdk.io;

import io.runnel.sdk.io.CountingSource.CounterMark;
import io.runnel.sdk.io.UnboundedSource.UnboundedReader;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * Reads an {@link UnboundedCountingSource}. {@code advance()} returns false, without waiting,
 * when the next value is not yet allowed by the rate; it never reads past {@link
 * Long#MAX_VALUE}. The watermark is the timestamp of the last value read (before the first one:
 * that of the first value). Used by one thread at a time.
 */
final class UnboundedCountingReader extends UnboundedReader<Long> {
  private final UnboundedCountingSource source;
  /** The last value read, or {@code start - stride} before the first. */
  private long current;
  private Instant currentTimestamp;
  private boolean hasCurrent;
  /** When reading started: the rate counts from then. */
  private Instant firstStarted;
  /** How far past {@code start} values may be read, as last computed from the clock. */
  private long allowance = -1;

  UnboundedCountingReader(UnboundedCountingSource source, CounterMark mark) {
    this.source = source;
    if (mark == null) {
      this.current = source.start - source.stride;
    } else {
      this.current = mark.getLastEmitted();
      this.firstStarted = mark.getStartTime();
    }
  }

  @Override
  public boolean start() {
    if (firstStarted == null) {
      firstStarted = source.clock.now();
    }
    return advance();
  }

  @Override
  public boolean advance() {
    hasCurrent = false;
    if (Long.MAX_VALUE - source.stride < current) {
      return false;
    }
    long next = current + source.stride;
    if (!isAllowed(next)) {
      return false;
    }
    current = next;
    currentTimestamp = timestampOf(next);
    hasCurrent = true;
    return true;
  }

  /** Whether the rate allows reading {@code value} now; reads the clock only when needed. */
  private boolean isAllowed(long value) {
    if (!source.hasRate()) {
      return true;
    }
    long offset = value - source.start;
    if (offset > allowance) {
      allowance = allowanceNow();
    }
    return offset <= allowance;
  }

  /** {@code elementsPerPeriod * elapsed / period}, rounded down; 0 if the clock went back. */
  private long allowanceNow() {
    Duration elapsed = Duration.between(firstStarted, source.clock.now());
    if (elapsed.isNegative()) {
      return 0;
    }
    double periods = seconds(elapsed) / seconds(source.period);
    double allowed = Math.floor(source.elementsPerPeriod * periods);
    return allowed >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) allowed;
  }

  private static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }

  private Instant timestampOf(long value) {
    return source.timestampFn == null ? source.clock.now() : source.timestampFn.apply(value);
  }

  @Override
  public Long getCurrent() {
    checkCurrent();
    return current;
  }

  @Override
  public Instant getCurrentTimestamp() {
    checkCurrent();
    return currentTimestamp;
  }

  private void checkCurrent() {
    if (!hasCurrent) {
      throw new NoSuchElementException(source + ": no current element (reading has not"
          + " started, or the last start() or advance() returned false)");
    }
  }

  @Override
  public Instant getWatermark() {
    if (source.timestampFn == null) {
      return source.clock.now();
    }
    return source.timestampFn.apply(Math.max(current, source.start));
  }

  @Override
  public CounterMark getCheckpointMark() {
    return new CounterMark(current, firstStarted);
  }

  /**
   * 8 bytes per value the rate already allows but not yet read; {@link #BACKLOG_UNKNOWN} before
   * {@code start()} and without a rate, where the backlog is endless.
   */
  @Override
  public long getSplitBacklogBytes() {
    if (!source.hasRate() || firstStarted == null) {
      return BACKLOG_UNKNOWN;
    }
    allowance = Math.max(allowance, allowanceNow());
    long unread = (allowance - (current - source.start)) / source.stride;
    return unread <= 0 ? 0 : unread > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : unread * 8;
  }

  @Override
  public UnboundedCountingSource getCurrentSource() {
    return source;
  }

  @Override
  public void close() {}
}
