package io.runnel.sdk.state;

import java.util.Objects;

/** Factories of {@link TimerSpec}s. */
public final class TimerSpecs {
  private TimerSpecs() {}

  /** A timer in {@code timeDomain}, for a {@code @TimerId} field. */
  public static TimerSpec timer(TimeDomain timeDomain) {
    return new SimpleTimerSpec(Objects.requireNonNull(timeDomain, "timeDomain"));
  }

  /** A family of timers in {@code timeDomain}, for a {@code @TimerFamily} field. */
  public static TimerSpec timerMap(TimeDomain timeDomain) {
    return new SimpleTimerSpec(Objects.requireNonNull(timeDomain, "timeDomain"));
  }

  private record SimpleTimerSpec(TimeDomain timeDomain) implements TimerSpec {
    private static final long serialVersionUID = 1L;

    @Override
    public TimeDomain getTimeDomain() {
      return timeDomain;
    }
  }
}
