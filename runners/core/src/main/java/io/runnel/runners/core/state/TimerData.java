package io.runnel.runners.core.state;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.Objects;

/**
 * One pending user timer of a stateful {@code DoFn}. A timer is identified by its namespace,
 * family and id ({@link #address()}); setting it again replaces it. Immutable.
 *
 * @param namespace the key and window the timer belongs to
 * @param familyId the {@code @TimerFamily} id, or the empty string for a plain {@code @TimerId}
 * @param timerId the {@code @TimerId}, or the timer's name within its family
 * @param domain the clock it fires by
 * @param fireTime it fires once its clock is strictly after this time
 * @param outputTime the timestamp of the {@code @OnTimer} call's outputs, where an event-time
 *     timer holds the output watermark until it fires; null for a timer set {@code
 *     withNoOutputTimestamp()}
 */
public record TimerData(StateNamespace namespace, String familyId, String timerId,
    TimeDomain domain, Instant fireTime, Instant outputTime) {
  public TimerData {
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
        && namespace.equals(other.namespace) && timerId.equals(other.timerId)
        && familyId.equals(other.familyId) && domain == other.domain
        && Objects.equals(outputTime, other.outputTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, familyId, timerId, domain, fireTime, outputTime);
  }

  /** What identifies the timer: a later setting with the same address replaces this one. */
  public record Address(StateNamespace namespace, String familyId, String timerId) {}

  public Address address() {
    return new Address(namespace, familyId, timerId);
  }
}
