package io.runnel.runners.core;

import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.windowing.BoundedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Timer} handed to a call of a stateful {@code DoFn}, for the current key and window:
 * settings go to the runner's {@link TimerSettings}, replacing the timer's earlier setting. The
 * runner keeps one per declared timer and {@link #reset}s it for every call, so builder settings
 * (offset, alignment, output timestamp) do not leak into the next call. Not thread-safe.
 */
final class UserTimer implements Timer {
  private static final Duration MAX_SKEW = Duration.ofDays(365L * 1_000_000);
  private final TimerSettings settings;
  private final TimeDomain domain;
  private final Duration allowedSkew;
  /** The processing clock, read when a processing-time timer is set relative; may be null. */
  private final java.util.function.Supplier<Instant> clock;
  private TimerSettings.Setting setting;
  private Instant relativeBase;
  private Instant defaultProcessingOutput;
  private Instant expiry;
  private BoundedWindow window;
  private Duration offset = Duration.ZERO;
  private Duration period;
  private Instant outputTime;
  private boolean noOutputTime;

  /**
   * @param allowedSkew the function's allowed timestamp skew, bounding output timestamps
   */
  UserTimer(TimerSettings settings, TimeDomain domain, Duration allowedSkew,
      java.util.function.Supplier<Instant> clock) {
    this.settings = settings;
    this.domain = domain;
    this.allowedSkew = allowedSkew;
    this.clock = clock;
  }

  /**
   * Points the timer at one timer of one key and window, for one call, with no builder settings.
   *
   * @param relativeBase where {@link #setRelative()} starts: the current element's timestamp (or
   *     firing timer's output timestamp) for event time, the current processing time otherwise
   * @param elementTimestamp the current element's timestamp (or firing timer's output
   *     timestamp): the default output timestamp of a processing-time timer
   */
  UserTimer reset(TimerSettings.Setting newSetting, Instant newRelativeBase,
      Instant elementTimestamp) {
    this.setting = newSetting;
    this.relativeBase = newRelativeBase;
    this.defaultProcessingOutput = elementTimestamp;
    this.expiry = newSetting.owner.gcTime;
    this.window = newSetting.owner.window;
    this.offset = Duration.ZERO;
    this.period = null;
    this.outputTime = null;
    this.noOutputTime = false;
    return this;
  }

  TimeDomain domain() {
    return domain;
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
    settings.set(setting, absoluteTime, output);
  }

  @Override
  public void setRelative() {
    // Beam's arithmetic, remainder sign included: without alignment, now plus the offset; with
    // align(period), now moved up to the next instant where (instant + offset) is a multiple of
    // the period, or now itself when (now + offset) already is.
    Instant now = getCurrentRelativeTime();
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
    settings.clear(setting);
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

  /**
   * Event time: the element's (or firing timer's) timestamp. Processing time: the clock as it
   * reads now (as Beam's timers read it when set), never before the runner's processing time.
   */
  @Override
  public Instant getCurrentRelativeTime() {
    if (domain == TimeDomain.PROCESSING_TIME && clock != null) {
      Instant now = clock.get();
      if (now != null && now.isAfter(relativeBase)) {
        return now;
      }
    }
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
    return setting.familyId.isEmpty() ? setting.timerId
        : setting.familyId + "/" + setting.timerId;
  }
}
