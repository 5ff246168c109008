package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.samples.RiskEngine.Login;
import io.runnel.samples.RiskEngine.LoginCoder;
import io.runnel.samples.RiskEngine.RateLogins;
import io.runnel.samples.RiskEngine.RiskLevel;
import io.runnel.samples.RiskEngine.RiskOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.windowing.IntervalWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk engine under a {@link TestStream}, each user-hour line checked exactly, with the edges
 * of the rule table (5 against 6 logins, HIGH over MEDIUM, a change of device or city alone), the
 * hour boundaries and late logins; and the whole pipeline on its generated default input checked
 * against the same counts computed in plain Java.
 */
class RiskEngineTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();
  @TempDir Path dir;

  private static final Instant NINE = Instant.parse("2024-04-01T09:00:00Z");
  private static final String NINE_TO_TEN = "[2024-04-01T09:00:00Z, 2024-04-01T10:00:00Z)";
  private static final String TEN_TO_ELEVEN = "[2024-04-01T10:00:00Z, 2024-04-01T11:00:00Z)";

  /** A login at {@code clock} ({@code HH:mm[:ss.SSS]}) on 2024-04-01, stamped with that time. */
  private static TimestampedValue<Login> login(String user, String device, String city, String clock) {
    Instant time = Instant.parse("2024-04-01T" + (clock.length() == 5 ? clock + ":00" : clock) + "Z");
    return TimestampedValue.of(new Login(user, device, city, time.toEpochMilli()), time);
  }

  /** Adds {@code n} logins of {@code user} from one device and city, a minute apart from 09:{@code minute}. */
  private static TestStream.Builder<Login> addSame(TestStream.Builder<Login> stream, String user, int n, int minute) {
    TestStream.Builder<Login> added = stream;
    for (int i = 0; i < n; i++) {
      added = added.addElements(login(user, "phone", "Oslo", String.format("09:%02d", minute + i)));
    }
    return added;
  }

  private static TestStream.Builder<Login> logins() {
    return TestStream.create(LoginCoder.of()).advanceWatermarkTo(NINE);
  }

  private PCollection<String> levels(TestStream<Login> stream) {
    return p.apply(stream).apply(new RateLogins());
  }

  @Test
  void theRuleTableGivesHighBeforeMediumBeforeLow() {
    assertThat(RiskLevel.of(2, 2, 1)).isEqualTo(RiskLevel.HIGH);
    assertThat(RiskLevel.of(2, 2, 50)).isEqualTo(RiskLevel.HIGH);
    assertThat(RiskLevel.of(3, 1, 6)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskLevel.of(1, 3, 6)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskLevel.of(1, 1, 5)).isEqualTo(RiskLevel.LOW);
    assertThat(RiskLevel.of(2, 1, 5)).isEqualTo(RiskLevel.LOW);
  }

  @Test
  void eachUserHourGetsItsLevelFromDistinctDevicesCitiesAndLoginCount() {
    TestStream<Login> stream = addSame(addSame(addSame(logins(), "five", 5, 0), "six", 6, 0), "busy", 5, 2)
        .addElements(login("roam", "phone", "Oslo", "09:10"), login("roam", "laptop", "Rome", "09:20"),
            login("roam", "phone", "Oslo", "09:30"))
        // Seven logins, both changed: HIGH takes precedence over MEDIUM.
        .addElements(login("busy", "phone", "Oslo", "09:01"), login("busy", "laptop", "Rome", "09:50"))
        // Only the device changed, then only the city: not HIGH.
        .addElements(login("phones", "phone", "Oslo", "09:05"), login("phones", "tablet", "Oslo", "09:06"))
        .addElements(login("cities", "phone", "Oslo", "09:05"), login("cities", "phone", "Rome", "09:06"),
            login("cities", "phone", "Paris", "09:07"))
        .advanceWatermarkToInfinity();

    PAssert.that(levels(stream)).containsInAnyOrder(
        "five in " + NINE_TO_TEN + ": LOW devices=1 cities=1 logins=5",
        "six in " + NINE_TO_TEN + ": MEDIUM devices=1 cities=1 logins=6",
        "roam in " + NINE_TO_TEN + ": HIGH devices=2 cities=2 logins=3",
        "busy in " + NINE_TO_TEN + ": HIGH devices=2 cities=2 logins=7",
        "phones in " + NINE_TO_TEN + ": LOW devices=2 cities=1 logins=2",
        "cities in " + NINE_TO_TEN + ": LOW devices=1 cities=3 logins=3");
    p.run();
  }

  @Test
  void hoursAreRatedSeparatelySoChangesAndLoginsAcrossTheBoundaryDoNotAddUp() {
    TestStream<Login> stream = addSame(logins(), "ana", 4, 50)
        .addElements(login("ana", "laptop", "Rome", "09:59:59.999"))
        .addElements(login("ana", "tablet", "Paris", "10:00:00"), login("ana", "tablet", "Paris", "10:30"))
        .advanceWatermarkToInfinity();

    PCollection<String> levels = levels(stream);

    PAssert.that(levels).containsInAnyOrder(
        "ana in " + NINE_TO_TEN + ": HIGH devices=2 cities=2 logins=5",
        "ana in " + TEN_TO_ELEVEN + ": LOW devices=1 cities=1 logins=2");
    PAssert.that(levels).inOnTimePane(new IntervalWindow(NINE, Duration.ofHours(1)))
        .containsInAnyOrder("ana in " + NINE_TO_TEN + ": HIGH devices=2 cities=2 logins=5");
    p.run();
  }

  @Test
  void aLoginArrivingAfterItsHourFiredIsDroppedAndTheLevelStaysFinal() {
    TestStream<Login> stream = logins()
        .addElements(login("ana", "phone", "Oslo", "09:10"))
        .advanceWatermarkTo(NINE.plus(Duration.ofMinutes(61)))
        // Late: would make the hour HIGH, but the hour has fired and is gone.
        .addElements(login("ana", "laptop", "Rome", "09:20"))
        .addElements(login("ana", "laptop", "Rome", "10:05"))
        .advanceWatermarkToInfinity();

    PAssert.that(levels(stream)).containsInAnyOrder(
        "ana in " + NINE_TO_TEN + ": LOW devices=1 cities=1 logins=1",
        "ana in " + TEN_TO_ELEVEN + ": LOW devices=1 cities=1 logins=1");
    p.run();
  }

  @Test
  void generatedRunMatchesThePerUserHourCountsComputedInPlainJava() throws IOException {
    RiskOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve("levels"))
        .as(RiskOptions.class);

    List<Path> files = RiskEngine.runRiskEngine(options);

    Map<String, Set<String>> devices = new TreeMap<>();
    Map<String, Set<String>> cities = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Login l : RiskEngine.generatedLogins()) {
      Instant start = l.eventTime().truncatedTo(ChronoUnit.HOURS);
      String userHour = l.user() + " in [" + start + ", " + start.plus(Duration.ofHours(1)) + ")";
      devices.computeIfAbsent(userHour, k -> new TreeSet<>()).add(l.device());
      cities.computeIfAbsent(userHour, k -> new TreeSet<>()).add(l.city());
      counts.merge(userHour, 1, Integer::sum);
    }
    List<String> expected = new ArrayList<>();
    counts.forEach((userHour, n) -> {
      int d = devices.get(userHour).size();
      int c = cities.get(userHour).size();
      String level = d > 1 && c > 1 ? "HIGH" : n > 5 ? "MEDIUM" : "LOW";
      expected.add(userHour + ": " + level + " devices=" + d + " cities=" + c + " logins=" + n);
    });
    assertThat(files).containsExactly(dir.resolve("levels-00000-of-00001.txt"));
    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).hasSize(32)
        .anyMatch(l -> l.contains("HIGH")).anyMatch(l -> l.contains("MEDIUM")).anyMatch(l -> l.contains("LOW"));
  }

  @Test
  void generatedLoginsAreTheSameOnEveryCall() {
    assertThat(RiskEngine.generatedLogins())
        .hasSize(RiskEngine.GENERATED_LOGIN_COUNT)
        .isEqualTo(RiskEngine.generatedLogins());
  }

  @Test
  void readsLoginsFromAFile() throws IOException {
    Path input = dir.resolve("logins.csv");
    Files.write(input, List.of(
        "ana,phone,Oslo," + NINE.toEpochMilli(),
        " ana , laptop , Rome , " + NINE.plusSeconds(60).toEpochMilli()));
    RiskOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + dir.resolve("out/r"))
        .as(RiskOptions.class);

    List<Path> files = RiskEngine.runRiskEngine(options);

    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8))
        .containsExactly("ana in " + NINE_TO_TEN + ": HIGH devices=2 cities=2 logins=2");
  }

  @Test
  void aMalformedLineIsRejectedWithTheLineAndTheExpectedFormat() {
    for (String bad : List.of("ana,phone,Oslo", "ana,,Oslo,0", "ana,phone,Oslo,noon", ",phone,Oslo,0")) {
      assertThatThrownBy(() -> Login.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("user,device,city,eventTimeMillis");
    }
  }

  @Test
  void aMalformedLineInTheInputFailsTheRunNamingTheParseStepAndTheLine() throws IOException {
    Path input = dir.resolve("bad.csv");
    Files.write(input, List.of("ana,phone,Oslo," + NINE.toEpochMilli(), "ana,phone,Oslo,9am"));
    RiskOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + dir.resolve("bad/r"))
        .as(RiskOptions.class);

    assertThatThrownBy(() -> RiskEngine.runRiskEngine(options))
        .hasMessageContaining("ParseLogins")
        .hasStackTraceContaining("\"ana,phone,Oslo,9am\"; expected user,device,city,eventTimeMillis");
  }

  @Test
  void theSameLevelsComeOutWhateverTheBundleAndGroupOrder() {
    TestStream<Login> stream = addSame(logins(), "ana", 6, 0)
        .addElements(login("ben", "phone", "Oslo", "09:10"), login("ben", "laptop", "Rome", "09:20"))
        .advanceWatermarkToInfinity();

    PAssert.that(levels(stream)).containsInAnyOrder(
        "ana in " + NINE_TO_TEN + ": MEDIUM devices=1 cities=1 logins=6",
        "ben in " + NINE_TO_TEN + ": HIGH devices=2 cities=2 logins=2");
    p.run(PipelineOptionsFactory.fromArgs("--directSeed=7").create());
  }

  @Test
  void csvLinesRoundTripThroughParse() {
    Login login = new Login("ana", "phone", "Oslo", 1711962000000L);

    assertThat(Login.parse(login.toCsv())).isEqualTo(login);
  }
}
