package io.runnel.runners.core;

import io.runnel.runners.core.state.TimerData;
import io.runnel.runners.core.state.TimerService;
import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;

/**
 * The user timer settings of a {@link StatefulDoFnRunner}, between the functions and the {@link
 * TimerService}. While elements are processed, settings are only noted on the timer's {@link
 * Setting} and reach the service in one go when the bundle ends ({@link #push}): a timer moved
 * on every element of a key (the usual "fire at the end of this minute") costs the service one
 * update per bundle instead of one per element. While timers fire, settings go straight to the
 * service, so that a callback setting a timer already due fires it in the same pass.
 *
 * <p>Deferring changes nothing the functions can see: timers fire only as time moves, between
 * bundles. Ties in fire time still fire in the order of their last effective setting (settings
 * reach the service in that order), and a timer set again exactly as it is pending keeps its
 * place among ties, as {@link TimerService#set} promises. Owned by the runner's thread.
 */
final class TimerSettings {
  /** One timer of one key and window: its latest setting, and what the service holds of it. */
  static final class Setting {
    final LiveWindow<?> owner;
    final String familyId;
    final String timerId;
    final TimeDomain domain;
    /** Whether the timer is set (its latest setting is {@link #fireTime}, {@link #outputTime}). */
    boolean pending;
    Instant fireTime;
    /** Null for no output timestamp. */
    Instant outputTime;
    /** What the timer service holds for this timer; null for nothing. */
    TimerData pushed;
    /** What the service returned when this timer was last set, to give it back next time. */
    Object handle;
    /** When the setting last changed, in setting order. */
    long sequence;
    boolean dirty;

    Setting(LiveWindow<?> owner, String familyId, String timerId, TimeDomain domain) {
      this.owner = owner;
      this.familyId = familyId;
      this.timerId = timerId;
      this.domain = domain;
    }

    TimerData.Address address() {
      return new TimerData.Address(owner.stateKey(), owner.namespace(), familyId, timerId);
    }

    /** Whether the timer service holds exactly the latest setting. */
    boolean pushedAsSet() {
      return pushed != null && pushed.fireTime().equals(fireTime)
          && Objects.equals(pushed.outputTime(), outputTime);
    }
  }

  private static final Comparator<Setting> BY_SEQUENCE = Comparator.comparingLong(s -> s.sequence);

  private final TimerService service;
  private ArrayList<Setting> dirty = new ArrayList<>();
  private long nextSequence;
  private boolean deferring;

  TimerSettings(TimerService service) {
    this.service = service;
  }

  /** Whether settings wait for {@link #push} (while elements are processed) or apply at once. */
  void defer(boolean newDeferring) {
    if (!newDeferring) {
      push();
    }
    this.deferring = newDeferring;
  }

  /**
   * Sets the timer to fire at {@code fireTime} with output timestamp {@code outputTime} (null
   * for none); setting it exactly as it is pending changes nothing.
   */
  void set(Setting setting, Instant fireTime, Instant outputTime) {
    if (setting.pending && setting.fireTime.equals(fireTime)
        && Objects.equals(setting.outputTime, outputTime)) {
      return;
    }
    setting.pending = true;
    setting.fireTime = fireTime;
    setting.outputTime = outputTime;
    changed(setting);
  }

  void clear(Setting setting) {
    if (setting.pending) {
      setting.pending = false;
      setting.fireTime = null;
      setting.outputTime = null;
      changed(setting);
    }
  }

  /** Notes that the service fired (and removed) the timer. */
  static void fired(Setting setting) {
    setting.pending = false;
    setting.fireTime = null;
    setting.outputTime = null;
    setting.pushed = null;
  }

  /** Notes a timer the service already holds (restored from a snapshot). */
  static void restored(Setting setting, TimerData timer) {
    setting.pending = true;
    setting.fireTime = timer.fireTime();
    setting.outputTime = timer.outputTime();
    setting.pushed = timer;
  }

  private void changed(Setting setting) {
    setting.sequence = nextSequence++;
    if (!deferring) {
      apply(setting);
    } else if (!setting.dirty) {
      setting.dirty = true;
      dirty.add(setting);
    }
  }

  /** Hands every noted setting to the service, in the order of their last change. */
  void push() {
    if (dirty.isEmpty()) {
      return;
    }
    dirty.sort(BY_SEQUENCE);
    for (Setting setting : dirty) {
      if (!setting.owner.expired) {
        apply(setting);
      }
      setting.dirty = false;
    }
    dirty = dirty.size() > 1024 ? new ArrayList<>() : dirty;
    dirty.clear();
  }

  private void apply(Setting setting) {
    if (!setting.pending) {
      if (setting.pushed != null) {
        service.delete(setting.address());
        setting.pushed = null;
      }
    } else if (!setting.pushedAsSet()) {
      TimerData timer = new TimerData(setting.owner.stateKey(), setting.owner.namespace(),
          setting.familyId,
          setting.timerId, setting.domain, setting.fireTime, setting.outputTime);
      setting.handle = service.set(timer, setting.handle);
      setting.pushed = timer;
    } else if (setting.dirty) {
      // Moved away and back within the bundle: like every effective setting, it goes behind the
      // timers already pending at the same time.
      service.delete(setting.address());
      setting.handle = service.set(setting.pushed, null);
    }
  }
}
