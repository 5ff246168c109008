package io.runnel.runners.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heap-based timer service against a plain model of the {@link TimerService} contract, over
 * random operations: single changes between looks (the heaps sift) and bursts of thousands of
 * changes between looks (the heaps rebuild), with many ties in fire and output time.
 */
class InMemoryTimerServiceModelTest {
  /** The contract, written plainly: every pending timer with the sequence of its last setting. */
  private static final class Model {
    private record Pending(TimerData timer, long sequence) {}

    private final Map<TimerData.Address, Pending> pending = new LinkedHashMap<>();
    private long nextSequence;

    void set(TimerData timer) {
      Pending previous = pending.get(timer.address());
      if (previous == null || !previous.timer().equals(timer)) {
        pending.put(timer.address(), new Pending(timer, nextSequence++));
      }
    }

    void delete(TimerData.Address address) {
      pending.remove(address);
    }

    private Pending first(TimeDomain domain) {
      return pending.values().stream().filter(p -> p.timer().domain() == domain)
          .min(Comparator.comparing((Pending p) -> p.timer().fireTime())
              .thenComparingLong(Pending::sequence))
          .orElse(null);
    }

    Instant nextFireTime(TimeDomain domain) {
      Pending first = first(domain);
      return first == null ? null : first.timer().fireTime();
    }

    TimerData removeNextDue(TimeDomain domain, Instant now) {
      Pending first = first(domain);
      if (first == null || !now.isAfter(first.timer().fireTime())) {
        return null;
      }
      pending.remove(first.timer().address());
      return first.timer();
    }

    Instant outputHold() {
      return pending.values().stream().map(Pending::timer)
          .filter(t -> t.domain() == TimeDomain.EVENT_TIME && t.outputTime() != null)
          .map(TimerData::outputTime).min(Comparator.naturalOrder()).orElse(null);
    }
  }

  private static final List<StateKey> KEYS = new ArrayList<>();

  static {
    for (int i = 0; i < 300; i++) {
      KEYS.add(StateFixtures.key("k" + i));
    }
  }

  private static TimerData randomTimer(Random random) {
    StateKey key = KEYS.get(random.nextInt(KEYS.size()));
    StateNamespace namespace = random.nextBoolean() ? StateFixtures.WINDOW
        : StateFixtures.OTHER_WINDOW;
    Instant fire = Instant.ofEpochSecond(random.nextInt(50), random.nextInt(3) * 250_000L);
    String id = random.nextBoolean() ? "a" : "b";
    TimeDomain domain = id.equals("a") ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
    Instant output = random.nextInt(4) == 0 ? null : Instant.ofEpochSecond(random.nextInt(50));
    return new TimerData(key, namespace, random.nextInt(5) == 0 ? "family" : "", id, domain, fire,
        output);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void agreesWithTheModel(long seed) {
    Random random = new Random(seed);
    InMemoryTimerService service = new InMemoryTimerService();
    Model model = new Model();
    // Handles the service returned, kept per address as a caller with per-timer records would;
    // some are stale (the timer fired or was deleted since), which the service must notice.
    Map<TimerData.Address, Object> handles = new java.util.HashMap<>();
    Instant now = Instant.ofEpochSecond(0);
    for (int step = 0; step < 400; step++) {
      // Mostly a few changes between looks; sometimes a burst that makes the heaps rebuild.
      int changes = random.nextInt(10) == 0 ? 1000 + random.nextInt(3000) : random.nextInt(4);
      for (int c = 0; c < changes; c++) {
        TimerData timer = randomTimer(random);
        if (random.nextInt(6) == 0) {
          service.delete(timer.address());
          model.delete(timer.address());
        } else if (random.nextBoolean()) {
          handles.put(timer.address(), service.set(timer, handles.get(timer.address())));
          model.set(timer);
        } else {
          service.set(timer);
          model.set(timer);
        }
      }
      if (random.nextInt(40) == 0) {
        StateKey key = KEYS.get(random.nextInt(KEYS.size()));
        service.deleteAll(key, StateFixtures.WINDOW);
        model.pending.keySet().removeIf(address -> address.key().equals(key)
            && address.namespace().equals(StateFixtures.WINDOW));
      }
      for (TimeDomain domain : TimeDomain.values()) {
        assertThat(service.nextFireTime(domain)).as("next %s at step %d", domain, step)
            .isEqualTo(model.nextFireTime(domain));
      }
      // Asked below a limit first, so that stale heap keys are only partly fixed before the
      // full answer is asked for.
      Instant limit = Instant.ofEpochSecond(random.nextInt(50), random.nextInt(2) * 500_000_000L);
      Instant modelHold = model.outputHold();
      assertThat(service.outputHoldBefore(limit)).as("hold before %s at step %d", limit, step)
          .isEqualTo(modelHold != null && modelHold.isBefore(limit) ? modelHold : null);
      assertThat(service.outputHold()).as("hold at step %d", step).isEqualTo(modelHold);
      assertThat(service.size()).isEqualTo(model.pending.size());
      now = now.plusMillis(random.nextInt(300));
      TimeDomain domain = random.nextBoolean() ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
      int fires = random.nextInt(30);
      for (int f = 0; f < fires; f++) {
        TimerData expected = model.removeNextDue(domain, now);
        assertThat(service.removeNextDue(domain, now)).as("due at step %d", step)
            .isEqualTo(expected);
        if (expected == null) {
          break;
        }
      }
    }
  }

  @Test
  void aSnapshotTakenMidBurstRestoresTheSameOrder() {
    Random random = new Random(42);
    InMemoryTimerService service = new InMemoryTimerService();
    for (int i = 0; i < 5000; i++) {
      service.set(randomTimer(random));
    }
    InMemoryTimerService restored = new InMemoryTimerService();
    restored.restore(service.snapshot(StateFixtures.ALL));

    assertThat(restored.size()).isEqualTo(service.size());
    assertThat(restored.outputHold()).isEqualTo(service.outputHold());
    Instant end = Instant.ofEpochSecond(1000);
    for (TimeDomain domain : TimeDomain.values()) {
      while (true) {
        TimerData expected = service.removeNextDue(domain, end);
        assertThat(restored.removeNextDue(domain, end)).isEqualTo(expected);
        if (expected == null) {
          break;
        }
      }
    }
  }
}
