package io.runnel.runners.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.state.TimeDomain;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryTimerServiceTest {
  private static final StateKey A = StateFixtures.key("a");
  private static final StateKey B = StateFixtures.key("b");
  private static final StateNamespace W = StateFixtures.WINDOW;

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private static TimerData event(StateKey key, String id, long fire, Long output) {
    return new TimerData(key, W, "", id, TimeDomain.EVENT_TIME, at(fire),
        output == null ? null : at(output));
  }

  @Test
  void settingATimerAgainReplacesItAndItsHold() {
    InMemoryTimerService timers = new InMemoryTimerService();
    timers.set(event(A, "t", 10, 5L));
    timers.set(event(A, "t", 20, 20L));

    assertThat(timers.size()).isEqualTo(1);
    assertThat(timers.nextFireTime(TimeDomain.EVENT_TIME)).isEqualTo(at(20));
    assertThat(timers.outputHold()).isEqualTo(at(20));
  }

  @Test
  void aTimerIsDueOnlyOnceTheClockIsStrictlyAfterIt() {
    InMemoryTimerService timers = new InMemoryTimerService();
    timers.set(event(A, "t", 10, 10L));

    assertThat(timers.removeNextDue(TimeDomain.EVENT_TIME, at(10))).isNull();
    assertThat(timers.removeNextDue(TimeDomain.PROCESSING_TIME, at(100))).isNull();
    assertThat(timers.removeNextDue(TimeDomain.EVENT_TIME, Instant.ofEpochMilli(10_001)))
        .isEqualTo(event(A, "t", 10, 10L));
    assertThat(timers.outputHold()).isNull();
  }

  @Test
  void dueTimersComeInFireTimeOrderTiesInTheOrderSetAnIdenticalResetKeepingItsPlace() {
    InMemoryTimerService timers = new InMemoryTimerService();
    timers.set(event(A, "late", 30, 30L));
    timers.set(event(B, "tie1", 10, 10L));
    timers.set(event(A, "tie2", 10, 10L));
    timers.set(event(B, "tie1", 10, 10L));

    assertThat(timers.removeNextDue(TimeDomain.EVENT_TIME, at(100)).timerId()).isEqualTo("tie1");
    assertThat(timers.removeNextDue(TimeDomain.EVENT_TIME, at(100)).timerId()).isEqualTo("tie2");
    assertThat(timers.removeNextDue(TimeDomain.EVENT_TIME, at(100)).timerId()).isEqualTo("late");
  }

  @Test
  void onlyEventTimeTimersHoldTheWatermark() {
    InMemoryTimerService timers = new InMemoryTimerService();
    timers.set(new TimerData(A, W, "", "p", TimeDomain.PROCESSING_TIME, at(10), at(1)));

    assertThat(timers.outputHold()).isNull();
    timers.set(event(A, "e", 30, 20L));
    assertThat(timers.outputHold()).isEqualTo(at(20));
  }

  @Test
  void deletingReleasesHoldsAndDeleteAllClearsANamespace() {
    InMemoryTimerService timers = new InMemoryTimerService();
    timers.set(event(A, "x", 30, 3L));
    timers.set(event(A, "y", 40, null));
    timers.set(event(B, "x", 50, 5L));

    assertThat(timers.outputHold()).isEqualTo(at(3));
    timers.deleteAll(A, W);
    assertThat(timers.size()).isEqualTo(1);
    assertThat(timers.outputHold()).isEqualTo(at(5));
    timers.delete(new TimerData.Address(B, W, "", "x"));
    assertThat(timers.size()).isZero();
    assertThat(timers.outputHold()).isNull();
  }
}
