package io.runnel.sdk.transforms;

import io.runnel.sdk.io.Read;
import io.runnel.sdk.io.internal.PeriodicImpulseSource;
import io.runnel.sdk.io.internal.WallClock;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An unbounded {@code PCollection<Instant>} of the instants {@code startAt, startAt + interval,
 * startAt + 2 * interval, ...} up to {@code stopAt} inclusive, as Beam's {@code PeriodicImpulse}:
 * each element is its own timestamp and is emitted once the wall clock reaches it, never before
 * (instants already past when the pipeline starts are emitted at once). Useful to drive periodic
 * work, such as refreshing a slowly changing side input.
 *
 * <pre>{@code
 * PCollection<Instant> ticks = p.apply(PeriodicImpulse.create()
 *     .startAt(start).stopAt(stop).withInterval(Duration.ofSeconds(10)).applyWindowing());
 * }</pre>
 *
 * <p>Defaults, as Beam's: start at the time {@link #create()} is called (to the millisecond),
 * never stop ({@code BoundedWindow.TIMESTAMP_MAX_VALUE}), one minute apart, global window. The
 * watermark follows the instants emitted; it reaches the end of time after {@code stopAt}, which
 * ends the collection.
 *
 * <p>Unlike Beam's builder, which mutates itself, each method returns a new transform: keep the
 * result of each call. Immutable and thread-safe.
 */
public final class PeriodicImpulse extends PTransform<PBegin, PCollection<Instant>> {
  private static final long serialVersionUID = 1L;

  private final Instant startTimestamp;
  private final Instant stopTimestamp;
  private final Duration fireInterval;
  private final boolean applyWindowing;

  private PeriodicImpulse(Instant startTimestamp, Instant stopTimestamp, Duration fireInterval,
      boolean applyWindowing) {
    this.startTimestamp = startTimestamp;
    this.stopTimestamp = stopTimestamp;
    this.fireInterval = fireInterval;
    this.applyWindowing = applyWindowing;
  }

  /** An impulse every minute from now on. */
  public static PeriodicImpulse create() {
    return new PeriodicImpulse(Instant.now().truncatedTo(ChronoUnit.MILLIS),
        BoundedWindow.TIMESTAMP_MAX_VALUE, Duration.ofMinutes(1), false);
  }

  /** Starts the sequence at {@code startTime}, the first instant emitted. */
  public PeriodicImpulse startAt(Instant startTime) {
    requireNonNull(startTime, "startAt");
    return new PeriodicImpulse(startTime, stopTimestamp, fireInterval, applyWindowing);
  }

  /** Stops the sequence at {@code stopTime}: no instant after it is emitted. */
  public PeriodicImpulse stopAt(Instant stopTime) {
    requireNonNull(stopTime, "stopAt");
    return new PeriodicImpulse(startTimestamp, stopTime, fireInterval, applyWindowing);
  }

  /**
   * Spaces the instants {@code interval} apart.
   *
   * @throws IllegalArgumentException when {@code interval} is shorter than a millisecond
   */
  public PeriodicImpulse withInterval(Duration interval) {
    if (interval == null || interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("PeriodicImpulse.withInterval(" + interval + "): the"
          + " interval must be at least one millisecond");
    }
    return new PeriodicImpulse(startTimestamp, stopTimestamp, interval, applyWindowing);
  }

  /**
   * Puts the output into fixed windows as long as the interval (in whole milliseconds, aligned
   * to the epoch), as Beam does: each window then holds exactly one instant.
   */
  public PeriodicImpulse applyWindowing() {
    return new PeriodicImpulse(startTimestamp, stopTimestamp, fireInterval, true);
  }

  /**
   * @throws IllegalArgumentException when {@code stopAt} is before {@code startAt}
   */
  @Override
  public PCollection<Instant> expand(PBegin input) {
    if (stopTimestamp.isBefore(startTimestamp)) {
      throw new IllegalArgumentException("PeriodicImpulse stops at " + stopTimestamp
          + ", before it starts at " + startTimestamp + "; fix startAt(...) or stopAt(...)");
    }
    PCollection<Instant> instants = input.apply(Read.from(PeriodicImpulseSource.of(
        startTimestamp, stopTimestamp, fireInterval, WallClock.system())));
    return applyWindowing
        ? instants.apply(
            Window.<Instant>into(FixedWindows.of(Duration.ofMillis(fireInterval.toMillis()))))
        : instants;
  }

  private static void requireNonNull(Instant instant, String call) {
    if (instant == null) {
      throw new IllegalArgumentException("PeriodicImpulse." + call + "(null): give an instant");
    }
  }
}
