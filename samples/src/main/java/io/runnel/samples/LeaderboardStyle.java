package io.runnel.samples;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.DefaultCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.TextIO;
import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithTimestamps;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.Repeatedly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Game scores summed two ways, the shape of Beam's LeaderBoard example: running totals per user
 * in the global window, and totals per team in fixed event-time windows with speculative, on-time
 * and late panes. Each input line is one scoring event, {@code user,team,score,eventTimeMillis}.
 * Run it from the repository root with
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LeaderboardStyle
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LeaderboardStyle \
 *     -Dexec.args="--input=/data/events.csv --output=/tmp/scores --teamWindowDuration=30m"
 * }</pre>
 *
 * <p>Without {@code --input} it scores {@value #GENERATED_EVENT_COUNT} events generated from a
 * fixed seed (the same events on every run, see {@link #generatedEvents}); without {@code
 * --output} it writes {@code target/leaderboard/scores-users-*.txt} and {@code
 * target/leaderboard/scores-teams-*.txt}, then prints every line it wrote. {@code --help} lists
 * the options.
 *
 * <p><b>What a run on the direct runner shows.</b> The two computations are written for an
 * unbounded feed: {@link CalculateUserScores} emits a refined total ten minutes (processing time)
 * after the first unreported event of each user, {@link CalculateTeamScores} an early total every
 * five minutes, the on-time total when the watermark passes the window's end, and a late total for
 * each late event. Read from a file or the generated list, the input is bounded: the direct runner
 * reads all of it at once, processing time does not move, so no processing-time firing happens,
 * and the watermark jumps to the end of time when the input is exhausted. Every user total and
 * every team window therefore comes out exactly once, as a single ON_TIME pane (index 0, first and
 * last). The early and late panes show up under a {@code TestStream}, which drives event time and
 * processing time by hand; {@code LeaderboardStyleTest} checks them pane by pane.
 */
public final class LeaderboardStyle {
  /** How many events the generated default input holds. */
  static final int GENERATED_EVENT_COUNT = 240;
  /** The seed of the generated default input; fixed, so every run scores the same events. */
  static final long GENERATED_EVENT_SEED = 20240101L;
  /** Processing time from a user's first unreported event to the refined total. */
  static final Duration USER_FIRING_DELAY = Duration.ofMinutes(10);
  /** Processing time from a team window's first unreported event to an early total. */
  static final Duration TEAM_EARLY_FIRING_DELAY = Duration.ofMinutes(5);

  private static final String[] TEAMS = {"AmberAntelope", "BlueBadger", "CrimsonCrane", "GreenGecko"};
  private static final int USERS_PER_TEAM = 3;
  private static final Instant GENERATED_START = Instant.parse("2024-01-01T09:00:00Z");
  private static final Duration GENERATED_SPAN = Duration.ofHours(3);

  private LeaderboardStyle() {}

  /**
   * One scoring event: {@code user} of {@code team} scored {@code score} points at {@code
   * eventTimeMillis} (milliseconds since the epoch). Immutable; encoded by {@link GameEventCoder}.
   */
  @DefaultCoder(GameEventCoder.class)
  public record GameEvent(String user, String team, int score, long eventTimeMillis) {
    /**
     * Parses {@code user,team,score,eventTimeMillis}; surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException naming the line and the expected format when it does not fit
     */
    public static GameEvent parse(String line) {
      String[] fields = line.split(",", -1);
      if (fields.length != 4 || fields[0].isBlank() || fields[1].isBlank()) {
        throw new IllegalArgumentException(badLine(line));
      }
      try {
        return new GameEvent(fields[0].strip(), fields[1].strip(), Integer.parseInt(fields[2].strip()),
            Long.parseLong(fields[3].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(badLine(line), e);
      }
    }

    private static String badLine(String line) {
      return "not a game event: \"" + line + "\"; expected user,team,score,eventTimeMillis,"
          + " e.g. alice,BlueBadger,12,1704099600000";
    }

    /** When the event happened. */
    public Instant eventTime() {
      return Instant.ofEpochMilli(eventTimeMillis);
    }

    /** The event as an input line, the inverse of {@link #parse}. */
    public String toCsv() {
      return user + "," + team + "," + score + "," + eventTimeMillis;
    }
  }

  /** Encodes a {@link GameEvent} field by field; deterministic. */
  public static final class GameEventCoder extends AtomicCoder<GameEvent> {
    private static final long serialVersionUID = 1L;
    private static final GameEventCoder INSTANCE = new GameEventCoder();

    /** The coder; all instances are equal. */
    public static GameEventCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(GameEvent event, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(event.user(), out);
      StringUtf8Coder.of().encode(event.team(), out);
      VarIntCoder.of().encode(event.score(), out);
      VarLongCoder.of().encode(event.eventTimeMillis(), out);
    }

    @Override
    public GameEvent decode(InputStream in) throws IOException {
      return new GameEvent(StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in),
          VarIntCoder.of().decode(in), VarLongCoder.of().decode(in));
    }
  }

  /**
   * Running total per user in the global window: a refined, accumulated total fires {@link
   * #USER_FIRING_DELAY} of processing time after the first event not yet in a fired total. Event
   * time plays no part, so no event is ever late. The output is {@code KV(user, total)}.
   */
  public static final class CalculateUserScores
      extends PTransform<PCollection<GameEvent>, PCollection<KV<String, Integer>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<String, Integer>> expand(PCollection<GameEvent> events) {
      return events
          .apply("UserGlobalWindow", Window.<GameEvent>into(new GlobalWindows())
              .triggering(Repeatedly.forever(
                  AfterProcessingTime.pastFirstElementInPane().plusDelayOf(USER_FIRING_DELAY)))
              .accumulatingFiredPanes())
          .apply("ExtractUserScore", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
              .via((GameEvent e) -> KV.of(e.user(), e.score())))
          .apply("SumUserScores", Sum.integersPerKey());
    }
  }

  /**
   * Total per team in fixed event-time windows of {@code windowDuration}, accumulating: an early
   * total {@link #TEAM_EARLY_FIRING_DELAY} of processing time after the first event not yet in a
   * fired total, the on-time total when the watermark passes the window's end, then a late total
   * for every late event until the watermark is {@code allowedLateness} past the window's end;
   * events later than that are dropped. The output is {@code KV(team, total)}.
   */
  public static final class CalculateTeamScores
      extends PTransform<PCollection<GameEvent>, PCollection<KV<String, Integer>>> {
    private static final long serialVersionUID = 1L;
    private final Duration windowDuration;
    private final Duration allowedLateness;

    public CalculateTeamScores(Duration windowDuration, Duration allowedLateness) {
      this.windowDuration = windowDuration;
      this.allowedLateness = allowedLateness;
    }

    @Override
    public PCollection<KV<String, Integer>> expand(PCollection<GameEvent> events) {
      return events
          .apply("TeamFixedWindows", Window.<GameEvent>into(FixedWindows.of(windowDuration))
              .triggering(AfterWatermark.pastEndOfWindow()
                  .withEarlyFirings(
                      AfterProcessingTime.pastFirstElementInPane().plusDelayOf(TEAM_EARLY_FIRING_DELAY))
                  .withLateFirings(AfterPane.elementCountAtLeast(1)))
              .withAllowedLateness(allowedLateness)
              .accumulatingFiredPanes())
          .apply("ExtractTeamScore", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
              .via((GameEvent e) -> KV.of(e.team(), e.score())))
          .apply("SumTeamScores", Sum.integersPerKey());
    }
  }

  /**
   * Formats one pane of a per-key total as {@code <kind> <key> in <window>: <total> <timing>
   * index=<i>[ onTimeIndex=<j>][ first][ last]}, where the window is {@code global} or {@code
   * [start, end)} in ISO-8601 and the on-time index is left out for early panes.
   */
  public static final class FormatPaneFn extends DoFn<KV<String, Integer>, String> {
    private static final long serialVersionUID = 1L;
    private final String kind;

    /** Formats panes of totals per {@code kind} ("user" or "team"). */
    public FormatPaneFn(String kind) {
      this.kind = kind;
    }

    @ProcessElement
    public void processElement(@Element KV<String, Integer> total, BoundedWindow window,
        PaneInfo pane, OutputReceiver<String> out) {
      out.output(describe(kind, total, window, pane));
    }

    static String describe(String kind, KV<String, Integer> total, BoundedWindow window, PaneInfo pane) {
      StringBuilder text = new StringBuilder()
          .append(kind).append(' ').append(total.getKey())
          .append(" in ").append(window instanceof IntervalWindow interval
              ? "[" + interval.start() + ", " + interval.end() + ")" : "global")
          .append(": ").append(total.getValue())
          .append(' ').append(pane.getTiming()).append(" index=").append(pane.getIndex());
      if (pane.getNonSpeculativeIndex() >= 0) {
        text.append(" onTimeIndex=").append(pane.getNonSpeculativeIndex());
      }
      if (pane.isFirst()) {
        text.append(" first");
      }
      if (pane.isLast()) {
        text.append(" last");
      }
      return text.toString();
    }
  }

  /** The options of {@link LeaderboardStyle}. */
  public interface LeaderboardOptions extends PipelineOptions {
    @Description("File or glob of game events, one user,team,score,eventTimeMillis line each."
        + " Unset: " + GENERATED_EVENT_COUNT + " events generated from a fixed seed.")
    String getInput();

    void setInput(String value);

    @Description("Prefix of the output files; totals go to <prefix>-users-* and <prefix>-teams-*.")
    @Default.String("target/leaderboard/scores")
    String getOutput();

    void setOutput(String value);

    @Description("Length of the event-time windows of the team totals.")
    @Default.String("60m")
    Duration getTeamWindowDuration();

    void setTeamWindowDuration(Duration value);

    @Description("How late (event time behind the watermark) an event may be and still count"
        + " towards its team window; later events are dropped.")
    @Default.String("120m")
    Duration getAllowedLateness();

    void setAllowedLateness(Duration value);
  }

  /**
   * The default input: {@value #GENERATED_EVENT_COUNT} events of four teams of three users, scores
   * 1 to 20, event times spread over three hours from 2024-01-01T09:00Z. The same list on every
   * call and every JVM ({@link Random} with a fixed seed is specified to give the same sequence).
   */
  public static List<GameEvent> generatedEvents() {
    Random random = new Random(GENERATED_EVENT_SEED);
    List<GameEvent> events = new ArrayList<>(GENERATED_EVENT_COUNT);
    for (int i = 0; i < GENERATED_EVENT_COUNT; i++) {
      String team = TEAMS[random.nextInt(TEAMS.length)];
      String user = team.toLowerCase(Locale.ROOT) + "-" + (1 + random.nextInt(USERS_PER_TEAM));
      int score = 1 + random.nextInt(20);
      long offsetSeconds = random.nextInt((int) GENERATED_SPAN.toSeconds());
      events.add(new GameEvent(user, team, score, GENERATED_START.plusSeconds(offsetSeconds).toEpochMilli()));
    }
    return events;
  }

  /** The leaderboard pipeline for {@code options}, built but not run. */
  public static Pipeline buildPipeline(LeaderboardOptions options) {
    Pipeline p = Pipeline.create(options);
    PCollection<String> lines = options.getInput() == null
        ? p.apply("GenerateEvents", Create.of(generatedEvents().stream().map(GameEvent::toCsv).toList()))
        : p.apply("ReadEvents", TextIO.read().from(options.getInput()));
    PCollection<GameEvent> events = lines
        .apply("ParseEvents", MapElements.into(TypeDescriptor.of(GameEvent.class)).via(GameEvent::parse))
        .apply("EventTimestamps", WithTimestamps.of(GameEvent::eventTime));
    events.apply(new CalculateUserScores())
        .apply("FormatUserTotals", ParDo.of(new FormatPaneFn("user")))
        .apply("UserTotalsForWriting", globalWindowForWriting())
        .apply("WriteUserTotals", TextIO.write().to(options.getOutput() + "-users").withSuffix(".txt"));
    events.apply(new CalculateTeamScores(options.getTeamWindowDuration(), options.getAllowedLateness()))
        .apply("FormatTeamTotals", ParDo.of(new FormatPaneFn("team")))
        .apply("TeamTotalsForWriting", globalWindowForWriting())
        .apply("WriteTeamTotals", TextIO.write().to(options.getOutput() + "-teams").withSuffix(".txt"));
    return p;
  }

  /**
   * Moves formatted panes into the global window with the default trigger, which is what {@code
   * TextIO.write()} writes; every pane is already one line, so nothing is lost.
   */
  private static Window<String> globalWindowForWriting() {
    return Window.<String>into(new GlobalWindows()).triggering(DefaultTrigger.of()).discardingFiredPanes();
  }

  /** Builds and runs the pipeline, waits for it, and returns the files written, sorted. */
  public static List<Path> runLeaderboard(LeaderboardOptions options) {
    buildPipeline(options).run().waitUntilFinish();
    List<Path> files = new ArrayList<>(outputFiles(options.getOutput() + "-users"));
    files.addAll(outputFiles(options.getOutput() + "-teams"));
    return files;
  }

  private static List<Path> outputFiles(String prefix) {
    Path absolute = Path.of(prefix).toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(absolute.getParent(), absolute.getFileName() + "-*-of-*.txt")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the output files " + absolute + "-*", e);
    }
    files.sort(null);
    return files;
  }

  /** Runs the pipeline and prints, for each file written, its name and its lines sorted. */
  public static void main(String[] args) throws IOException {
    LeaderboardOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(LeaderboardOptions.class);
    } catch (PipelineOptionsFactory.HelpRequestedException help) {
      System.out.print(help.getHelpText());
      return;
    }
    for (Path file : runLeaderboard(options)) {
      System.out.println("Wrote " + file);
      for (String line : Files.readAllLines(file).stream().sorted().toList()) {
        System.out.println("  " + line);
      }
    }
  }
}
