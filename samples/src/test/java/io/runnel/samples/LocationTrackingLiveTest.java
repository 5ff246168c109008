package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.samples.LocationTracking.LocationTrackingOptions;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker live, on the wall clock: pings replayed in real time by {@link PingReplaySource},
 * with {@code --missingAfter=800ms}. An agent that stops pinging gets its {@code MISSING} alert
 * while the run goes on; an agent that keeps pinging gets none until it stops too. Waits for
 * lines with a deadline, never sleeps; the whole run takes about three seconds.
 */
class LocationTrackingLiveTest {
  private static final Instant NINE = Instant.parse("2024-03-01T09:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(8);
  /** The lines each run's collector saw, by run id. */
  private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();
  private static final Object ARRIVED = new Object();

  private final String runId = UUID.randomUUID().toString();

  @AfterEach
  void forget() {
    LINES.remove(runId);
  }

  /** Collects the tracker's lines for the test. */
  static final class CollectFn extends DoFn<String, Void> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    CollectFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element String line) {
      LINES.computeIfAbsent(runId, id -> Collections.synchronizedList(new ArrayList<>())).add(line);
      synchronized (ARRIVED) {
        ARRIVED.notifyAll();
      }
    }
  }

  private List<String> lines() {
    List<String> lines = LINES.getOrDefault(runId, List.of());
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private List<String> missing() {
    return lines().stream().filter(line -> line.startsWith("MISSING")).toList();
  }

  /** Waits until some line matches {@code condition}; fails naming {@code what} at the deadline. */
  private void awaitLine(String what, Predicate<String> condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (lines().stream().noneMatch(condition)) {
      long left = deadline - System.nanoTime();
      assertThat(left).as("time left waiting for %s; lines so far: %s", what, lines()).isPositive();
      synchronized (ARRIVED) {
        ARRIVED.wait(Math.max(1, Math.min(20, left / 1_000_000)));
      }
    }
  }

  /** Pings of {@code agent} every 100 ms of event time from 9:00 to 9:00 + {@code lastMillis}. */
  private static List<Ping> pingsUntil(String agent, double lat, long lastMillis) {
    List<Ping> pings = new ArrayList<>();
    for (long ms = 0; ms <= lastMillis; ms += 100) {
      // About 11 m north per ping: always moving, never inactive.
      pings.add(new Ping(agent, lat + ms / 1_000_000.0, 13.4, NINE.toEpochMilli() + ms));
    }
    return pings;
  }

  private static String missingLine(String agent, long lastPingMillis) {
    return "MISSING " + agent + ": no ping for PT0.8S of processing time after the ping at "
        + NINE.plusMillis(lastPingMillis);
  }

  @Test
  void anAgentThatStopsPingingIsMissingWhileOneThatKeepsPingingIsNot() throws Exception {
    LocationTrackingOptions options = PipelineOptionsFactory.fromArgs("--replaySpeed=1",
        "--missingAfter=800ms", "--blockOnRun=false").as(LocationTrackingOptions.class);
    List<Ping> pings = new ArrayList<>(pingsUntil("steady", 52.5, 2_500));
    pings.addAll(pingsUntil("quiet", 52.6, 300));
    Pipeline p = Pipeline.create(options);
    LocationTracking.liveReports(p, options, pings).apply(ParDo.of(new CollectFn(runId)));

    PipelineResult result = p.run();
    List<String> missingWhileSteadyPinged;
    try {
      awaitLine("quiet's MISSING alert", line -> line.startsWith("MISSING quiet"));
      // Tracked once the replay clock passes it: steady pinged every 100 ms until then, over a
      // second after quiet's alert and longer than --missingAfter.
      awaitLine("steady's move at 2.2 s", line -> line.startsWith(
          "MOVE steady at " + NINE.plusMillis(2_200) + ":"));
      missingWhileSteadyPinged = missing();
      awaitLine("steady's MISSING alert once it stops", line -> line.startsWith("MISSING steady"));
    } finally {
      result.cancel();
    }

    assertThat(missingWhileSteadyPinged).containsExactly(missingLine("quiet", 300));
    assertThat(missing()).as("one alert per silence")
        .containsExactlyInAnyOrder(missingLine("quiet", 300), missingLine("steady", 2_500));
    assertThat(lines()).as("steady's movements, tracked live")
        .contains("MOVE steady at " + NINE.plusMillis(100) + ": 11.1 m in PT0.1S, 111.19 m/s");
  }

  @Test
  void aReplayNeedsPingsAndAPositiveSpeed() {
    List<Ping> one = pingsUntil("a", 52.5, 0);
    assertThatThrownBy(() -> PingReplaySource.of(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one ping");
    assertThatThrownBy(() -> PingReplaySource.of(one, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> PingReplaySource.of(one, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void theMissingDelayMustBePositive() {
    LocationTrackingOptions options = PipelineOptionsFactory.fromArgs("--missingAfter=0s")
        .as(LocationTrackingOptions.class);
    Pipeline p = Pipeline.create(options);

    assertThatThrownBy(() -> LocationTracking.liveReports(p, options, pingsUntil("a", 52.5, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missingAfter")
        .hasMessageContaining("PT0S");
  }
}
