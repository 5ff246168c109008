package io.runnel.runners.core.state;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.Objects;

/**
 * One pending timer: a user timer of a stateful {@code DoFn}, or an engine timer (a trigger's or
 * a window's garbage collection). A timer is identified by its key, namespace, family and id
 * ({@link #address()}); setting it again replaces it. Times keep their full precision. Immutable.
 *
 * @param key the key the timer belongs to
 * @param namespace the window (or the key's own namespace) the timer belongs to
 * @param familyId the {@code @TimerFamily} id, the empty string for a plain {@code @TimerId}, or
 *     an engine family
 * @param timerId the {@code @TimerId}, or the timer's name within its family
 * @param domain the clock it fires by
 * @param fireTime it fires once its clock is strictly after this time
 * @param outputTime where an event-time timer holds the output watermark until it fires, and
 *     the timestamp of a callback's outputs; null for none
 */
public record TimerData(StateKey key, StateNamespace namespace, String familyId, String timerId,
    TimeDomain domain, Instant fireTime, Instant outputTime) {
  public TimerData {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(timerId, "timerId");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(fireTime, "fireTime");
  }

  /** Equal when every component is; the fire time, which differs most often, compared first. */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof TimerData other && fireTime.equals(other.fireTime)
        && namespace.equals(other.namespace) && key.equals(other.key)
        && timerId.equals(other.timerId) && familyId.equals(other.familyId)
        && domain == other.domain && Objects.equals(outputTime, other.outputTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, namespace, familyId, timerId, domain, fireTime, outputTime);
  }

  /** What identifies the timer: a later setting with the same address replaces this one. */
  public record Address(StateKey key, StateNamespace namespace, String familyId, String timerId) {}

  public Address address() {
    return new Address(key, namespace, familyId, timerId);
  }

  /** The same timer firing at {@code newFireTime} with output time {@code newOutputTime}. */
  public TimerData at(Instant newFireTime, Instant newOutputTime) {
    return new TimerData(key, namespace, familyId, timerId, domain, newFireTime, newOutputTime);
  }
}
