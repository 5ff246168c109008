package io.runnel.runners.core;

import io.runnel.runners.core.state.NamespaceState;
import io.runnel.runners.core.state.StateKey;
import io.runnel.runners.core.state.StateNamespace;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One key in one window with live state or timers, as a {@link StatefulDoFnRunner} holds it:
 * the decoded state cells of the current bundle (through {@link NamespaceState}), the key and
 * window decoded, when the window expires, and the latest setting of each of its timers. Found
 * once per element or firing; everything else about the pair is reached from here. Owned by the
 * runner's thread.
 */
final class LiveWindow<K> extends NamespaceState {
  final K key;
  final BoundedWindow window;
  /** The window's garbage-collection time: its max timestamp plus the allowed lateness. */
  final Instant gcTime;
  /** Ties of {@link #gcTime} expire in the order the pairs became live. */
  final long sequence;
  /** The pair's key in the runner's table. */
  final Object tableKey;
  /** Settings of plain {@code @TimerId} timers, by the timer's index; made on first use. */
  private TimerSettings.Setting[] timers;
  /** Settings of {@code @TimerFamily} timers, by family and name; made on first use. */
  private Map<FamilyTimer, TimerSettings.Setting> familyTimers;
  boolean expired;

  private record FamilyTimer(String familyId, String timerId) {}

  LiveWindow(StateKey stateKey, StateNamespace namespace, K key, BoundedWindow window,
      Instant gcTime, long sequence, Object tableKey) {
    super(stateKey, namespace);
    this.key = key;
    this.window = window;
    this.gcTime = gcTime;
    this.sequence = sequence;
    this.tableKey = tableKey;
  }

  /** The setting of plain timer {@code timerId}, the {@code index}-th the function declares. */
  TimerSettings.Setting timer(int index, String timerId, int declared, TimeDomain domain) {
    if (timers == null) {
      timers = new TimerSettings.Setting[declared];
    }
    TimerSettings.Setting setting = timers[index];
    if (setting == null) {
      setting = new TimerSettings.Setting(this, "", timerId, domain);
      timers[index] = setting;
    }
    return setting;
  }

  /** The setting of timer {@code timerId} of family {@code familyId}. */
  TimerSettings.Setting familyTimer(String familyId, String timerId, TimeDomain domain) {
    if (familyTimers == null) {
      familyTimers = new HashMap<>();
    }
    return familyTimers.computeIfAbsent(new FamilyTimer(familyId, timerId),
        t -> new TimerSettings.Setting(this, familyId, timerId, domain));
  }
}
