package io.runnel.runners.core;

import io.runnel.runners.core.state.StateNamespace;
import io.runnel.runners.core.state.TimerData;
import io.runnel.runners.core.state.TimerService;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.windowing.BoundedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Timer} handed to one call of a stateful {@code DoFn}, for the current key and window:
 * settings go straight to the {@link TimerService}, replacing the timer's earlier setting. Made
 * per call, so its builder settings (offset, alignment, output timestamp) do not leak into the
 * next call. Not thread-safe.
 */
final class UserTimer implements Timer {
  private static final Duration MAX_SKEW = Duration.ofDays(365L * 1_000_000);
  private final TimerService timers;
  private final StateNamespace namespace;
  private final String familyId;
  private final String timerId;
  private final TimeDomain domain;
  private final Instant relativeBase;
  private final Instant defaultProcessingOutput;
  private final Instant expiry;
  private final BoundedWindow window;
  private final Duration allowedSkew;
  private Duration offset = Duration.ZERO;
  private Duration period;
  private Instant outputTime;
  private boolean noOutputTime;

  /**
   * @param relativeBase where {@link #setRelative()} starts: the current element's timestamp (or
   *     firing timer's output timestamp) for event time, the current processing time otherwise
   * @param elementTimestamp the current element's timestamp (or firing timer's output
   *     timestamp): the default output timestamp of a processing-time timer
   * @param expiry the window's garbage-collection time; event-time timers may not be set after it
   * @param allowedSkew the function's allowed timestamp skew, bounding output timestamps
   */
  UserTimer(TimerService timers, StateNamespace namespace, String familyId, String timerId,
      TimeDomain domain, Instant relativeBase, Instant elementTimestamp, Instant expiry,
      BoundedWindow window, Duration allowedSkew) {
    this.timers = timers;
    this.namespace = namespace;
    this.familyId = familyId;
    this.timerId = timerId;
    this.domain = domain;
    this.relativeBase = relativeBase;
    this.defaultProcessingOutput = elementTimestamp;
    this.expiry = expiry;
    this.window = window;
    this.allowedSkew = allowedSkew;
  }

  @Override
  public void set(Instant absoluteTime) {
    Objects.requireNonNull(absoluteTime, "absoluteTime");
    if (domain == TimeDomain.EVENT_TIME && absoluteTime.isAfter(expiry)) {
      throw new IllegalArgumentException("Attempted to set event-time timer '" + name() + "' for "
          + BoundedWindow.formatTimestamp(absoluteTime) + ", after the expiration of window "
          + window + " at " + BoundedWindow.formatTimestamp(expiry) + " (its max timestamp plus"
          + " the allowed lateness); the timer would never fire");
    }
    Instant output = outputTimeFor(absoluteTime);
    timers.set(new TimerData(namespace, familyId, timerId, domain, absoluteTime, output));
  }

  @Override
  public void setRelative() {
    // Beam's arithmetic, remainder sign included: without alignment, now plus the offset; with
    // align(period), now moved up to the next instant where (instant + offset) is a multiple of
    // the period, or now itself when (now + offset) already is.
    Instant now = relativeBase;
    Instant target;
    if (period == null) {
      target = now.plus(offset);
    } else {
      long millis = period.toMillis();
      long remainder = now.plus(offset).toEpochMilli() % millis;
      target = remainder == 0 ? now : now.plusMillis(millis - remainder);
    }
    // As in Beam, a relative event-time timer past the window's expiry fires at the expiry.
    set(domain == TimeDomain.EVENT_TIME && target.isAfter(expiry) ? expiry : target);
  }

  @Override
  public void clear() {
    timers.delete(new TimerData.Address(namespace, familyId, timerId));
  }

  @Override
  public Timer offset(Duration newOffset) {
    this.offset = Objects.requireNonNull(newOffset, "offset");
    return this;
  }

  @Override
  public Timer align(Duration newPeriod) {
    if (newPeriod.isZero() || newPeriod.isNegative()) {
      throw new IllegalArgumentException("align period must be positive: " + newPeriod);
    }
    this.period = newPeriod;
    return this;
  }

  @Override
  public Timer withOutputTimestamp(Instant newOutputTime) {
    this.outputTime = Objects.requireNonNull(newOutputTime, "outputTime");
    this.noOutputTime = false;
    return this;
  }

  @Override
  public Timer withNoOutputTimestamp() {
    this.outputTime = null;
    this.noOutputTime = true;
    return this;
  }

  @Override
  public Instant getCurrentRelativeTime() {
    return relativeBase;
  }

  /**
   * The output timestamp, as Beam sets it: the firing time for event time, the element's (or
   * firing timer's) timestamp for processing time, unless given. A given one may not be before
   * that timestamp minus the allowed skew, nor after the window's expiry.
   */
  private Instant outputTimeFor(Instant fireTime) {
    if (noOutputTime) {
      return null;
    }
    if (outputTime == null) {
      return domain == TimeDomain.EVENT_TIME ? fireTime : defaultProcessingOutput;
    }
    Instant lowerBound = allowedSkew.compareTo(MAX_SKEW) >= 0 ? BoundedWindow.TIMESTAMP_MIN_VALUE
        : defaultProcessingOutput.minus(allowedSkew);
    if (outputTime.isBefore(lowerBound) || outputTime.isAfter(expiry)) {
      throw new IllegalArgumentException("Cannot set timer '" + name() + "' with output timestamp "
          + BoundedWindow.formatTimestamp(outputTime) + ": it must be no earlier than the timestamp"
          + " of the current element or timer (" + BoundedWindow.formatTimestamp(defaultProcessingOutput)
          + ") minus the allowed skew (" + allowedSkew + "), and no later than the expiration of"
          + " window " + window + " at " + BoundedWindow.formatTimestamp(expiry) + ". Override"
          + " DoFn.getAllowedTimestampSkew() to allow earlier output timestamps");
    }
    return outputTime;
  }

  private String name() {
    return familyId.isEmpty() ? timerId : familyId + "/" + timerId;
  }
}
