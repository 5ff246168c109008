package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.samples.LoginEvent.LoginEventCoder;
import io.runnel.samples.LoginFailurePattern.DetectBursts;
import io.runnel.samples.LoginFailurePattern.LoginFailureOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The burst state machine under a {@link TestStream}, each alert checked exactly, at the edges
 * of a burst (2 against 3 failures, a failure 4:59.999 against 5:00 after the login, failures
 * without a login, a login splitting failures, attempts out of order and late); and the whole
 * pipeline on its generated default input checked against a plain-Java run of the definition.
 */
class LoginFailurePatternTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();
  @TempDir Path dir;

  private static final Instant NINE = Instant.parse("2024-03-01T09:00:00Z");

  private static Instant at(String clock) {
    return Instant.parse("2024-03-01T" + clock + "Z");
  }

  private static TimestampedValue<LoginEvent> login(String user, String clock) {
    return TimestampedValue.of(new LoginEvent(user, true, at(clock).toEpochMilli()), at(clock));
  }

  private static TimestampedValue<LoginEvent> failure(String user, String clock) {
    return TimestampedValue.of(new LoginEvent(user, false, at(clock).toEpochMilli()), at(clock));
  }

  private static TestStream.Builder<LoginEvent> events() {
    return TestStream.create(LoginEventCoder.of()).advanceWatermarkTo(NINE);
  }

  private PCollection<String> alerts(TestStream<LoginEvent> stream) {
    return p.apply(stream).apply(new DetectBursts());
  }

  @Test
  void threeFailuresAfterALoginRaiseOneAlertAndTwoDoNot() {
    TestStream<LoginEvent> stream = events()
        .addElements(login("two", "09:00:00"), failure("two", "09:01:00"), failure("two", "09:02:00"))
        .addElements(login("three", "09:00:00"), failure("three", "09:01:00"), failure("three", "09:02:00"),
            failure("three", "09:03:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "BURST three: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:01:00Z to 2024-03-01T09:03:00Z");
    p.run();
  }

  @Test
  void aBurstOfManyFailuresRaisesOneAlertCarryingThemAll() {
    TestStream<LoginEvent> stream = events()
        .addElements(login("ana", "09:00:00"), failure("ana", "09:00:10"), failure("ana", "09:00:20"),
            failure("ana", "09:00:30"), failure("ana", "09:00:40"), failure("ana", "09:04:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "BURST ana: login at 2024-03-01T09:00:00Z, then 5 failures from 2024-03-01T09:00:10Z to 2024-03-01T09:04:00Z");
    p.run();
  }

  @Test
  void failuresSpreadOverFiveMinutesOrMoreDoNotMakeABurst() {
    TestStream<LoginEvent> stream = events()
        // The third failure is exactly five minutes after the login: outside.
        .addElements(login("slow", "09:00:00"), failure("slow", "09:01:00"), failure("slow", "09:03:00"),
            failure("slow", "09:05:00"), failure("slow", "09:07:00"))
        // One millisecond earlier it is inside.
        .addElements(login("edge", "09:00:00"), failure("edge", "09:01:00"), failure("edge", "09:03:00"),
            failure("edge", "09:04:59.999"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "BURST edge: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:01:00Z to 2024-03-01T09:04:59.999Z");
    p.run();
  }

  @Test
  void twoBurstsRaiseTwoAlertsAndALoginSplitsFailuresBetweenWindows() {
    TestStream<LoginEvent> stream = events()
        .addElements(login("ana", "09:00:00"), failure("ana", "09:01:00"), failure("ana", "09:01:30"),
            failure("ana", "09:02:00"))
        .advanceWatermarkTo(at("09:08:00"))
        .addElements(login("ana", "09:10:00"), failure("ana", "09:10:05"), failure("ana", "09:10:06"),
            failure("ana", "09:10:07"), failure("ana", "09:10:08"))
        // Two failures, a login, two failures: two windows of two, no alert.
        .addElements(login("ben", "09:00:00"), failure("ben", "09:00:10"), failure("ben", "09:00:20"),
            login("ben", "09:00:30"), failure("ben", "09:00:40"), failure("ben", "09:00:50"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "BURST ana: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:01:00Z to 2024-03-01T09:02:00Z",
        "BURST ana: login at 2024-03-01T09:10:00Z, then 4 failures from 2024-03-01T09:10:05Z to 2024-03-01T09:10:08Z");
    p.run();
  }

  @Test
  void failuresWithoutAPrecedingLoginInTheLastFiveMinutesRaiseNothing() {
    TestStream<LoginEvent> stream = events()
        .addElements(failure("never", "09:00:00"), failure("never", "09:00:10"), failure("never", "09:00:20"),
            failure("never", "09:00:30"))
        // The login is over five minutes before the failures; one right after them opens a window.
        .addElements(login("stale", "09:00:00"), failure("stale", "09:06:00"), failure("stale", "09:06:10"),
            failure("stale", "09:06:20"), login("stale", "09:06:30"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).empty();
    p.run();
  }

  @Test
  void attemptsOutOfOrderAreRunInEventTimeOrder() {
    TestStream<LoginEvent> stream = events()
        // One bundle, the login last: sorted, it comes first and the burst counts.
        .addElements(failure("ana", "09:01:00"), failure("ana", "09:02:00"), failure("ana", "09:03:00"),
            login("ana", "09:00:00"))
        // Across bundles before the watermark passes: still in order.
        .addElements(failure("ben", "09:02:00"))
        .addElements(login("ben", "09:00:00"), failure("ben", "09:01:00"))
        .addElements(failure("ben", "09:00:30"))
        // A login and a failure at the same millisecond: the login first.
        .addElements(failure("chen", "09:00:00"), failure("chen", "09:00:01"), failure("chen", "09:00:02"),
            login("chen", "09:00:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "BURST ana: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:01:00Z to 2024-03-01T09:03:00Z",
        "BURST ben: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:00:30Z to 2024-03-01T09:02:00Z",
        "BURST chen: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:00:00Z to 2024-03-01T09:00:02Z");
    p.run();
  }

  @Test
  void anAttemptArrivingAfterItsTimeWasReleasedIsDropped() {
    TestStream<LoginEvent> stream = events()
        .addElements(login("ana", "09:00:00"), failure("ana", "09:01:00"), failure("ana", "09:02:00"))
        .advanceWatermarkTo(at("09:02:30"))
        // Late: the attempts up to 09:02 were released; this would have been the third failure.
        .addElements(failure("ana", "09:01:30"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).empty();
    p.run();
  }

  @Test
  void generatedRunMatchesAPlainJavaRunOfTheDefinition() throws IOException {
    LoginFailureOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve("bursts"))
        .as(LoginFailureOptions.class);

    List<Path> files = LoginFailurePattern.runLoginFailurePattern(options);

    List<String> expected = plainJavaAlerts(LoginFailurePattern.generatedEvents());
    assertThat(files).containsExactly(dir.resolve("bursts-00000-of-00001.txt"));
    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).hasSizeGreaterThan(10);
  }

  @Test
  void theSameAlertsComeOutWhateverTheBundleOrder() throws IOException {
    for (String seed : List.of("1", "42", "20240301")) {
      LoginFailureOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve(seed + "/bursts"),
          "--directSeed=" + seed).as(LoginFailureOptions.class);

      List<Path> files = LoginFailurePattern.runLoginFailurePattern(options);

      assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8))
          .as("seed %s", seed)
          .containsExactlyInAnyOrderElementsOf(plainJavaAlerts(LoginFailurePattern.generatedEvents()));
    }
  }

  @Test
  void readsAttemptsFromAFile() throws IOException {
    Path input = dir.resolve("logins.csv");
    List<String> lines = new ArrayList<>();
    for (String clock : List.of("09:03:00", "09:01:00", "09:02:00")) {
      lines.add("ana,FAILURE," + at(clock).toEpochMilli());
    }
    lines.add(" ana , SUCCESS , " + NINE.toEpochMilli());
    Files.write(input, lines);
    LoginFailureOptions options = PipelineOptionsFactory.fromArgs("--input=" + input,
        "--output=" + dir.resolve("out/a")).as(LoginFailureOptions.class);

    List<Path> files = LoginFailurePattern.runLoginFailurePattern(options);

    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactly(
        "BURST ana: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:01:00Z to 2024-03-01T09:03:00Z");
  }

  @Test
  void aMalformedLineIsRejectedWithTheLineAndTheExpectedFormat() {
    for (String bad : List.of("ana,FAILED,0", "ana,SUCCESS", ",SUCCESS,0", "ana,SUCCESS,noon")) {
      assertThatThrownBy(() -> LoginEvent.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("user,SUCCESS|FAILURE,eventTimeMillis");
    }
  }

  @Test
  void generatedEventsAreTheSameOnEveryCall() {
    assertThat(LoginFailurePattern.generatedEvents()).isEqualTo(LoginFailurePattern.generatedEvents());
  }

  @Test
  void csvLinesRoundTripThroughParse() {
    LoginEvent e = new LoginEvent("ana", false, 1709283600000L);

    assertThat(e.toCsv()).isEqualTo("ana,FAILURE,1709283600000");
    assertThat(LoginEvent.parse(" ana , FAILURE , 1709283600000 ")).isEqualTo(e);
  }

  /**
   * The class javadoc's definition applied to each user's whole history sorted in user order,
   * with no state, timers or watermark: the reference the pipeline must match.
   */
  private static List<String> plainJavaAlerts(List<LoginEvent> all) {
    Map<String, List<LoginEvent>> byUser = new TreeMap<>();
    all.forEach(e -> byUser.computeIfAbsent(e.user(), u -> new ArrayList<>()).add(e));
    List<String> alerts = new ArrayList<>();
    for (Map.Entry<String, List<LoginEvent>> entry : byUser.entrySet()) {
      List<LoginEvent> history = entry.getValue();
      history.sort(LoginEvent.USER_ORDER);
      for (int i = 0; i < history.size(); i++) {
        if (!history.get(i).success()) {
          continue;
        }
        long login = history.get(i).eventTimeMillis();
        List<Long> failures = new ArrayList<>();
        for (int j = i + 1; j < history.size() && !history.get(j).success()
            && history.get(j).eventTimeMillis() < login + 300_000; j++) {
          failures.add(history.get(j).eventTimeMillis());
        }
        if (failures.size() >= 3) {
          alerts.add(LoginFailurePattern.alertLine(entry.getKey(), login, failures));
        }
      }
    }
    return alerts;
  }
}
