package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.runnel.samples.LocationTracking.LocationTrackingOptions;
import io.runnel.samples.LocationTracking.TrackAgents;
import io.runnel.samples.Ping.PingCoder;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Filter;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent tracker under a {@link TestStream}, each line checked exactly: movements in event-time
 * order whatever the arrival order, deviations at the 2 km edge, inactivity at the 15-minute and
 * 50 m edges and once per stationary period, missing updates on the virtual processing clock and
 * once per silence; and the whole pipeline on its generated default input checked against a
 * plain-Java run of the definitions. Points move along the meridian 13.4°E, where 0.001° of
 * latitude is 111.2 m.
 */
class LocationTrackingTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();
  @TempDir Path dir;

  private static final Instant NINE = Instant.parse("2024-03-01T09:00:00Z");
  private static final double LON = 13.4;

  private static Instant at(String clock) {
    return Instant.parse("2024-03-01T" + clock + "Z");
  }

  private static TimestampedValue<Ping> ping(String agent, double lat, String clock) {
    return TimestampedValue.of(new Ping(agent, lat, LON, at(clock).toEpochMilli()), at(clock));
  }

  private static TestStream.Builder<Ping> pings() {
    return TestStream.create(PingCoder.of()).advanceWatermarkTo(NINE);
  }

  /** Everything the tracker outputs whose line starts with {@code kind}. */
  private PCollection<String> lines(TestStream<Ping> stream, String kind) {
    PCollectionView<Map<String, KV<Double, Double>>> route = p
        .apply("Route", Create.of(KV.of("a", KV.of(52.5, LON)))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(DoubleCoder.of(), DoubleCoder.of()))))
        .apply(View.asMap());
    return p.apply(stream).apply(new TrackAgents(route)).apply(Filter.by(line -> line.startsWith(kind)));
  }

  @Test
  void movementsCarryHaversineDistanceAndSpeedFromThePreviousPing() {
    TestStream<Ping> stream = pings()
        .addElements(ping("a", 52.500, "09:00:00"), ping("a", 52.501, "09:01:00"), ping("a", 52.503, "09:01:30"))
        .advanceWatermarkToInfinity();

    PAssert.that(lines(stream, "MOVE")).containsInAnyOrder(
        "MOVE a at 2024-03-01T09:01:00Z: 111.2 m in PT1M, 1.85 m/s",
        "MOVE a at 2024-03-01T09:01:30Z: 222.4 m in PT30S, 7.41 m/s");
    p.run();
  }

  @Test
  void pingsOutOfOrderAreTrackedInEventTimeOrder() {
    TestStream<Ping> stream = pings()
        .addElements(ping("a", 52.503, "09:01:30"), ping("a", 52.500, "09:00:00"))
        .addElements(ping("a", 52.501, "09:01:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(lines(stream, "MOVE")).containsInAnyOrder(
        "MOVE a at 2024-03-01T09:01:00Z: 111.2 m in PT1M, 1.85 m/s",
        "MOVE a at 2024-03-01T09:01:30Z: 222.4 m in PT30S, 7.41 m/s");
    p.run();
  }

  @Test
  void aPingArrivingAfterALaterOneWasTrackedIsLeftOutOfTheTrack() {
    TestStream<Ping> stream = pings()
        .addElements(ping("a", 52.500, "09:00:00"), ping("a", 52.501, "09:02:00"))
        .advanceWatermarkTo(at("09:03:00"))
        .addElements(ping("a", 52.509, "09:01:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(lines(stream, "MOVE")).containsInAnyOrder(
        "MOVE a at 2024-03-01T09:02:00Z: 111.2 m in PT2M, 0.93 m/s");
    p.run();
  }

  @Test
  void aPingMoreThanTwoKilometresFromThePlannedPointIsADeviation() {
    TestStream<Ping> stream = pings()
        .addElements(ping("a", 52.5179, "09:00:00"), ping("a", 52.5180, "09:01:00"),
            ping("a", 52.4800, "09:02:00"))
        // No planned point: never checked.
        .addElements(ping("nowhere", 10.0, "09:00:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(lines(stream, "DEVIATION")).containsInAnyOrder(
        "DEVIATION a at 2024-03-01T09:01:00Z: 2001.5 m from the planned point",
        "DEVIATION a at 2024-03-01T09:02:00Z: 2223.9 m from the planned point");
    p.run();
  }

  @Test
  void anAgentWithinFiftyMetresForFifteenMinutesIsInactiveOncePerStationaryPeriod() {
    TestStream<Ping> stream = pings()
        // 44.5 m from the anchor at most, for 40 minutes: one alert; then a move, a new anchor.
        .addElements(ping("s", 52.5000, "09:00:00"), ping("s", 52.5004, "09:05:00"),
            ping("s", 52.4996, "09:14:59.999"), ping("s", 52.5004, "09:30:00"),
            ping("s", 52.5010, "09:40:00"))
        // Moves 111 m exactly at the deadline: too late, the alert fires.
        .addElements(ping("t", 52.5000, "09:00:00"), ping("t", 52.5010, "09:15:00"))
        // Moves 111 m a millisecond before the deadline: no alert for the first anchor.
        .addElements(ping("u", 52.5000, "09:00:00"), ping("u", 52.5010, "09:14:59.999"))
        .advanceWatermarkTo(at("10:30:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(lines(stream, "INACTIVE")).containsInAnyOrder(
        "INACTIVE s at 2024-03-01T09:15:00Z: within 50 m of the ping at 2024-03-01T09:00:00Z for PT15M",
        "INACTIVE s at 2024-03-01T09:55:00Z: within 50 m of the ping at 2024-03-01T09:40:00Z for PT15M",
        "INACTIVE t at 2024-03-01T09:15:00Z: within 50 m of the ping at 2024-03-01T09:00:00Z for PT15M",
        "INACTIVE t at 2024-03-01T09:30:00Z: within 50 m of the ping at 2024-03-01T09:15:00Z for PT15M",
        "INACTIVE u at 2024-03-01T09:29:59.999Z: within 50 m of the ping at 2024-03-01T09:14:59.999Z for PT15M");
    p.run();
  }

  @Test
  void noPingForFiveMinutesOfProcessingTimeIsMissingOncePerSilence() {
    TestStream<Ping> stream = pings()
        .addElements(ping("a", 52.5, "09:00:00"))
        // Exactly five minutes: not yet; the next ping resets the clock.
        .advanceProcessingTime(Duration.ofMinutes(5))
        .addElements(ping("a", 52.5, "09:01:00"))
        .advanceProcessingTime(Duration.ofMinutes(5))
        .advanceProcessingTime(Duration.ofMillis(1))
        // Still silent ten minutes later: no second alert for the same silence.
        .advanceProcessingTime(Duration.ofMinutes(10))
        .addElements(ping("a", 52.5, "09:20:00"))
        .advanceProcessingTime(Duration.ofMinutes(6))
        .advanceWatermarkToInfinity();

    PAssert.that(lines(stream, "MISSING")).containsInAnyOrder(
        "MISSING a: no ping for PT5M of processing time after the ping at 2024-03-01T09:01:00Z",
        "MISSING a: no ping for PT5M of processing time after the ping at 2024-03-01T09:20:00Z");
    p.run();
  }

  @Test
  void generatedRunMatchesAPlainJavaRunOfTheDefinitions() throws IOException {
    LocationTrackingOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve("reports"))
        .as(LocationTrackingOptions.class);

    List<Path> files = LocationTracking.runLocationTracking(options);

    List<String> expected = plainJavaLines(LocationTracking.generatedPings(), LocationTracking.generatedRoute());
    assertThat(files).containsExactly(dir.resolve("reports-00000-of-00001.txt"));
    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).anyMatch(l -> l.startsWith("MOVE")).anyMatch(l -> l.startsWith("DEVIATION"))
        .anyMatch(l -> l.startsWith("INACTIVE")).noneMatch(l -> l.startsWith("MISSING"));
  }

  @Test
  void theSameLinesComeOutWhateverTheBundleOrder() throws IOException {
    List<String> expected = plainJavaLines(LocationTracking.generatedPings(), LocationTracking.generatedRoute());
    for (String seed : List.of("1", "42")) {
      LocationTrackingOptions options = PipelineOptionsFactory.fromArgs(
          "--output=" + dir.resolve(seed + "/reports"), "--directSeed=" + seed).as(LocationTrackingOptions.class);

      List<Path> files = LocationTracking.runLocationTracking(options);

      assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8))
          .as("seed %s", seed).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void readsPingsAndTheRouteFromFiles() throws IOException {
    Path input = dir.resolve("pings.csv");
    Files.write(input, List.of(
        "a,52.501000,13.400000," + at("09:01:00").toEpochMilli(),
        " a , 52.5 , 13.4 , " + NINE.toEpochMilli(),
        "b,52.5,13.4," + NINE.toEpochMilli()));
    Path route = dir.resolve("route.csv");
    Files.write(route, List.of("a,52.4825,13.4"));
    LocationTrackingOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--route=" + route,
        "--output=" + dir.resolve("out/a")).as(LocationTrackingOptions.class);

    List<Path> files = LocationTracking.runLocationTracking(options);

    // 1945.9 m and 2057.1 m from the planned point; "b" has none, so it is never checked.
    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactlyInAnyOrder(
        "DEVIATION a at 2024-03-01T09:01:00Z: 2057.1 m from the planned point",
        "MOVE a at 2024-03-01T09:01:00Z: 111.2 m in PT1M, 1.85 m/s",
        "INACTIVE a at 2024-03-01T09:16:00Z: within 50 m of the ping at 2024-03-01T09:01:00Z for PT15M",
        "INACTIVE b at 2024-03-01T09:15:00Z: within 50 m of the ping at 2024-03-01T09:00:00Z for PT15M");
  }

  @Test
  void aMalformedRouteLineIsRejectedWithTheLineAndTheExpectedFormat() {
    for (String bad : List.of("a,52.5", "a,52.5,13.4,0", "a,north,13.4")) {
      assertThatThrownBy(() -> LocationTracking.parseRoutePoint(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("agentId,lat,lon");
    }
  }

  @Test
  void aMalformedLineIsRejectedWithTheLineAndTheExpectedFormat() {
    for (String bad : List.of("a,52.5,13.4", ",52.5,13.4,0", "a,north,13.4,0", "a,91,13.4,0", "a,52.5,181,0",
        "a,52.5,13.4,noon")) {
      assertThatThrownBy(() -> Ping.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("agentId,lat,lon,eventTimeMillis");
    }
  }

  @Test
  void generatedPingsAreTheSameOnEveryCallAndSurviveTheirCsvForm() {
    List<Ping> pings = LocationTracking.generatedPings();

    assertThat(pings).isEqualTo(LocationTracking.generatedPings());
    assertThat(pings).allSatisfy(ping -> assertThat(Ping.parse(ping.toCsv())).isEqualTo(ping));
  }

  @Test
  void haversineGivesArcLengthsOnTheMeanEarthSphere() {
    // A quarter of the equator and one degree of a meridian: pi/2 R and pi/180 R.
    assertThat(LocationTracking.haversineMeters(0, 0, 0, 90)).isCloseTo(10_007_543.4, within(0.1));
    assertThat(LocationTracking.haversineMeters(52, 13.4, 53, 13.4)).isCloseTo(111_194.9, within(0.1));
    assertThat(LocationTracking.haversineMeters(52.5, 13.4, 52.5, 13.4)).isZero();
  }

  /**
   * The class javadoc's definitions applied to each agent's whole history sorted in track order,
   * with no state, timers or watermark (and so no missing updates): the reference the pipeline
   * must match.
   */
  private static List<String> plainJavaLines(List<Ping> all, Map<String, KV<Double, Double>> route) {
    List<String> lines = new ArrayList<>();
    Map<String, List<Ping>> byAgent = new TreeMap<>();
    for (Ping ping : all) {
      byAgent.computeIfAbsent(ping.agentId(), a -> new ArrayList<>()).add(ping);
      String deviation = LocationTracking.deviationLine(ping, route.get(ping.agentId()));
      if (deviation != null) {
        lines.add(deviation);
      }
    }
    for (List<Ping> track : byAgent.values()) {
      track.sort(LocationTracking.TRACK_ORDER);
      Ping anchor = track.get(0);
      boolean alerted = false;
      for (int i = 1; i < track.size(); i++) {
        Ping ping = track.get(i);
        lines.add(LocationTracking.moveLine(track.get(i - 1), ping));
        long deadline = anchor.eventTimeMillis() + 15 * 60_000;
        if (ping.eventTimeMillis() >= deadline && !alerted) {
          lines.add(LocationTracking.inactiveLine(anchor));
          alerted = true;
        }
        if (LocationTracking.metersBetween(anchor, ping) > 50) {
          anchor = ping;
          alerted = false;
        }
      }
      if (!alerted) {
        lines.add(LocationTracking.inactiveLine(anchor));
      }
    }
    return lines;
  }
}
