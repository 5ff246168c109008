package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.samples.LeaderboardStyle.CalculateTeamScores;
import io.runnel.samples.LeaderboardStyle.CalculateUserScores;
import io.runnel.samples.LeaderboardStyle.FormatPaneFn;
import io.runnel.samples.LeaderboardStyle.GameEvent;
import io.runnel.samples.LeaderboardStyle.GameEventCoder;
import io.runnel.samples.LeaderboardStyle.LeaderboardOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two leaderboard computations under a {@link TestStream}, every pane checked exactly
 * (total, window, timing, index, on-time index, first and last), and the whole pipeline on its
 * generated default input checked against a plain Java sum. Expected panes follow Beam's model:
 * a processing-time delay fires once processing time is strictly after the first unreported
 * event's arrival plus the delay; panes accumulate; the watermark passing a window's end fires
 * its single ON_TIME pane (even when empty); each late event within the allowed lateness fires a
 * LATE pane; events behind the garbage-collection time are dropped.
 */
class LeaderboardStyleTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();
  @TempDir Path dir;

  private static final Instant NINE = Instant.parse("2024-01-01T09:00:00Z");
  private static final String FIRST_HOUR = "[2024-01-01T09:00:00Z, 2024-01-01T10:00:00Z)";
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration TWO_HOURS = Duration.ofHours(2);

  private static TimestampedValue<GameEvent> event(String user, String team, int score, String clock) {
    Instant time = Instant.parse("2024-01-01T" + clock + ":00Z");
    return TimestampedValue.of(new GameEvent(user, team, score, time.toEpochMilli()), time);
  }

  private static TestStream.Builder<GameEvent> events() {
    return TestStream.create(GameEventCoder.of()).advanceWatermarkTo(NINE);
  }

  private PCollection<String> userPanes(TestStream<GameEvent> stream) {
    return p.apply(stream).apply(new CalculateUserScores()).apply(ParDo.of(new FormatPaneFn("user")));
  }

  private PCollection<String> teamPanes(TestStream<GameEvent> stream) {
    return p.apply(stream).apply(new CalculateTeamScores(HOUR, TWO_HOURS))
        .apply(ParDo.of(new FormatPaneFn("team")));
  }

  @Test
  void userTotalsFireTenMinutesOfProcessingTimeAfterEachUsersFirstUnreportedEvent() {
    TestStream<GameEvent> stream = events()
        .addElements(event("alice", "red", 3, "09:01"), event("bob", "blue", 5, "09:02"))
        .advanceProcessingTime(Duration.ofMinutes(7))
        .addElements(event("alice", "red", 4, "09:03"))
        // 11 minutes after alice's and bob's first events: both fire; alice's includes the 4.
        .advanceProcessingTime(Duration.ofMinutes(4))
        .addElements(event("bob", "blue", 2, "09:04"))
        // 9 minutes after bob's 2: not yet.
        .advanceProcessingTime(Duration.ofMinutes(9))
        .addElements(event("carol", "red", 1, "09:05"))
        // 11 minutes after bob's 2, 2 after carol's 1.
        .advanceProcessingTime(Duration.ofMinutes(2))
        .advanceWatermarkToInfinity();

    PAssert.that(userPanes(stream)).containsInAnyOrder(
        "user alice in global: 7 EARLY index=0 first",
        "user bob in global: 5 EARLY index=0 first",
        "user bob in global: 7 EARLY index=1",
        // The end of the global window fires the ON_TIME pane, empty or not, and closes it.
        "user alice in global: 7 ON_TIME index=1 onTimeIndex=0 last",
        "user bob in global: 7 ON_TIME index=2 onTimeIndex=0 last",
        "user carol in global: 1 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }

  @Test
  void userTotalsCountEventsOfAnyEventTimeSinceTheGlobalWindowIsNeverLate() {
    TestStream<GameEvent> stream = events()
        .addElements(event("alice", "red", 3, "09:01"))
        .advanceWatermarkTo(NINE.plus(Duration.ofDays(2)))
        .addElements(event("alice", "red", 4, "08:00"))
        .advanceProcessingTime(Duration.ofMinutes(11))
        .advanceWatermarkToInfinity();

    PAssert.that(userPanes(stream)).containsInAnyOrder(
        "user alice in global: 7 EARLY index=0 first",
        "user alice in global: 7 ON_TIME index=1 onTimeIndex=0 last");
    p.run();
  }

  @Test
  void teamTotalsFireEarlyOnTimeAndLatePanesAndDropEventsBeyondTheAllowedLateness() {
    TestStream<GameEvent> stream = events()
        .addElements(event("alice", "red", 3, "09:05"), event("bob", "blue", 4, "09:10"))
        .advanceProcessingTime(Duration.ofMinutes(3))
        .addElements(event("alice", "red", 2, "09:20"))
        // 6 minutes after the first events: early panes for both teams.
        .advanceProcessingTime(Duration.ofMinutes(3))
        .addElements(event("carol", "red", 1, "09:30"))
        // The watermark passes the window's end before red's next early firing is due.
        .advanceWatermarkTo(NINE.plus(HOUR))
        .advanceProcessingTime(Duration.ofMinutes(10))
        // Late, but within the two hours of allowed lateness: one late pane per event.
        .addElements(event("alice", "red", 7, "09:45"))
        .addElements(event("bob", "blue", 2, "09:50"))
        // Past the end of the window plus the allowed lateness: the window is gone.
        .advanceWatermarkTo(NINE.plus(HOUR).plus(TWO_HOURS))
        .addElements(event("alice", "red", 100, "09:15"))
        .advanceWatermarkToInfinity();

    PAssert.that(teamPanes(stream)).containsInAnyOrder(
        "team red in " + FIRST_HOUR + ": 5 EARLY index=0 first",
        "team blue in " + FIRST_HOUR + ": 4 EARLY index=0 first",
        "team red in " + FIRST_HOUR + ": 6 ON_TIME index=1 onTimeIndex=0",
        // Nothing new for blue, but the on-time pane is always emitted.
        "team blue in " + FIRST_HOUR + ": 4 ON_TIME index=1 onTimeIndex=0",
        "team red in " + FIRST_HOUR + ": 13 LATE index=2 onTimeIndex=1",
        "team blue in " + FIRST_HOUR + ": 6 LATE index=2 onTimeIndex=1");
    p.run();
  }

  @Test
  void teamTotalsWithoutEarlyFiringsComeOutOnTimeOncePerWindow() {
    TestStream<GameEvent> stream = events()
        .addElements(event("alice", "red", 3, "09:05"), event("bob", "red", 4, "10:10"))
        .advanceProcessingTime(Duration.ofMinutes(2))
        .advanceWatermarkTo(NINE.plus(HOUR))
        .advanceWatermarkToInfinity();

    PAssert.that(teamPanes(stream)).containsInAnyOrder(
        "team red in " + FIRST_HOUR + ": 3 ON_TIME index=0 onTimeIndex=0 first",
        // The watermark jumps past this window's end and its garbage-collection time at once:
        // as in Beam, the on-time pane is then also the final one.
        "team red in [2024-01-01T10:00:00Z, 2024-01-01T11:00:00Z): 4 ON_TIME index=0 onTimeIndex=0 first last");
    p.run();
  }

  @Test
  void generatedRunMatchesAPlainJavaSumOfTheGeneratedEvents() throws IOException {
    LeaderboardOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve("scores"))
        .as(LeaderboardOptions.class);

    List<Path> files = LeaderboardStyle.runLeaderboard(options);

    Map<String, Integer> users = new TreeMap<>();
    Map<String, Integer> teams = new TreeMap<>();
    for (GameEvent e : LeaderboardStyle.generatedEvents()) {
      users.merge("user " + e.user() + " in global", e.score(), Integer::sum);
      Instant start = e.eventTime().truncatedTo(ChronoUnit.HOURS);
      teams.merge("team " + e.team() + " in [" + start + ", " + start.plus(HOUR) + ")", e.score(),
          Integer::sum);
    }
    assertThat(files).containsExactly(dir.resolve("scores-users-00000-of-00001.txt"),
        dir.resolve("scores-teams-00000-of-00001.txt"));
    assertThat(readLines(files.get(0))).containsExactlyInAnyOrderElementsOf(onlyPanes(users));
    assertThat(readLines(files.get(1))).containsExactlyInAnyOrderElementsOf(onlyPanes(teams));
    assertThat(teams).hasSize(12);
  }

  @Test
  void generatedEventsAreTheSameOnEveryCall() {
    assertThat(LeaderboardStyle.generatedEvents())
        .hasSize(LeaderboardStyle.GENERATED_EVENT_COUNT)
        .isEqualTo(LeaderboardStyle.generatedEvents());
  }

  @Test
  void readsEventsFromAFileWithTheGivenWindowDuration() throws IOException {
    Path input = dir.resolve("events.csv");
    Files.write(input, List.of(
        "alice,red,3," + NINE.plus(Duration.ofMinutes(10)).toEpochMilli(),
        " bob , red , 4 , " + NINE.plus(Duration.ofMinutes(40)).toEpochMilli(),
        "alice,red,5," + NINE.plus(Duration.ofMinutes(50)).toEpochMilli()));
    LeaderboardOptions options = PipelineOptionsFactory.fromArgs("--input=" + input,
        "--output=" + dir.resolve("out/s"), "--teamWindowDuration=30m", "--allowedLateness=PT0S")
        .as(LeaderboardOptions.class);

    List<Path> files = LeaderboardStyle.runLeaderboard(options);

    assertThat(readLines(files.get(0))).containsExactlyInAnyOrder(
        "user alice in global: 8 ON_TIME index=0 onTimeIndex=0 first last",
        "user bob in global: 4 ON_TIME index=0 onTimeIndex=0 first last");
    assertThat(readLines(files.get(1))).containsExactlyInAnyOrder(
        "team red in [2024-01-01T09:00:00Z, 2024-01-01T09:30:00Z): 3 ON_TIME index=0 onTimeIndex=0 first last",
        "team red in [2024-01-01T09:30:00Z, 2024-01-01T10:00:00Z): 9 ON_TIME index=0 onTimeIndex=0 first last");
  }

  @Test
  void aMalformedLineIsRejectedWithTheLineAndTheExpectedFormat() {
    assertThatThrownBy(() -> GameEvent.parse("alice,red,lots,0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"alice,red,lots,0\"")
        .hasMessageContaining("user,team,score,eventTimeMillis");
    assertThatThrownBy(() -> GameEvent.parse("alice,red,3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"alice,red,3\"");
  }

  @Test
  void csvLinesRoundTripThroughParse() {
    GameEvent event = new GameEvent("alice", "red", 12, 1704099600000L);

    assertThat(GameEvent.parse(event.toCsv())).isEqualTo(event);
  }

  /** Each total as the single ON_TIME pane a bounded run gives it. */
  private static List<String> onlyPanes(Map<String, Integer> totals) {
    List<String> lines = new ArrayList<>();
    totals.forEach((where, total) ->
        lines.add(where + ": " + total + " ON_TIME index=0 onTimeIndex=0 first last"));
    return lines;
  }

  private static List<String> readLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
