package io.runnel.samples;

import io.runnel.runners.direct.DirectOptions;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.Read;
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
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.transforms.WithTimestamps;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Tracks field agents from their GPS pings with per-agent state and timers. Each input line is
 * one ping, {@code agentId,lat,lon,eventTimeMillis}; each agent's planned route point comes in as
 * a side input ({@code View.asMap} of agent id to a {@code KV<lat, lon>}). Run it from the
 * repository root with
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LocationTracking
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LocationTracking \
 *     -Dexec.args="--input=/data/pings.csv --route=/data/route.csv --output=/tmp/tracking"
 * }</pre>
 *
 * <p>Without {@code --input} it tracks the pings of {@link #generatedPings} (fixed seed); without
 * {@code --route} (lines {@code agentId,lat,lon}, one per agent) the planned points are {@link
 * #generatedRoute}. It writes {@code target/tracking/reports-*.txt} and prints
 * every alert and how many movements it wrote.
 *
 * <p>With {@code --replaySpeed=s} it runs live instead: the pings are replayed as an unbounded
 * feed ({@link PingReplaySource}) at {@code s} times real time, the pipeline runs on the wall
 * clock for {@code --runFor} (default 30 s) and prints each line as it comes, then is cancelled.
 * Once the replay is over the feed stays open and quiet, so every agent's {@code MISSING} alert
 * fires {@code --missingAfter} later; for example
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LocationTracking \
 *     -Dexec.args="--replaySpeed=600 --missingAfter=2s --runFor=20s"
 * }</pre>
 *
 * <h2>What comes out, exactly</h2>
 *
 * Distances are great-circle distances ({@link #haversineMeters}, Earth radius {@value
 * #EARTH_RADIUS_METERS} m). An agent's <em>track</em> is its pings in event-time order (ties by
 * latitude, then longitude), keeping only pings strictly later than the track's previous ping: a
 * duplicate timestamp, or a ping that arrives after a later one of the agent was already tracked
 * (behind the watermark), is left out of the track (it still gets the two checks on arrival).
 *
 * <ul>
 *   <li>{@code MOVE agent at t: d m in D, v m/s}: one line per ping of the track but the first,
 *       with the distance {@code d} and mean speed {@code v} from the previous ping of the track,
 *       {@code D} apart. Emitted once the watermark passes {@code t}, stamped {@code t}.
 *   <li>{@code DEVIATION agent at t: d m from the planned point}: one per arriving ping more than
 *       {@value #DEVIATION_METERS} m from the agent's planned route point; agents without one are
 *       never checked. Emitted on arrival, so also for pings left out of the track.
 *   <li>{@code INACTIVE agent at t + 15 min: within 50 m of the ping at t for PT15M}: the track's
 *       first ping is the agent's first <em>anchor</em>; a later ping more than {@value
 *       #MOVE_METERS} m from the anchor becomes the new anchor. When an anchor at {@code t} is
 *       still the anchor for every ping of the track before {@code t + 15 min} (a ping at exactly
 *       {@code t + 15 min} comes too late), the alert fires: an event-time timer, reset with each
 *       new anchor, once the watermark passes {@code t + 15 min}. At most one alert per anchor,
 *       so one per stationary period however long it lasts. At the end of a bounded input the
 *       watermark passes every time, so an agent's last anchor raises it too unless it moved.
 *   <li>{@code MISSING agent: no ping for PT5M of processing time after the ping at t}: a
 *       processing-time timer set {@code --missingAfter} ({@value #MISSING_MINUTES} minutes by
 *       default, {@code PT5M} in the line) after each arriving ping (in arrival order, whatever its
 *       event time) and reset by the next; it fires once the processing clock is strictly after
 *       it, at most once per silence, and {@code t} is the event time of the last ping that
 *       arrived. In a batch run the direct runner's processing time is virtual and moves only with
 *       a {@code TestStream}, so runs from a file or the generated input never raise it; a live
 *       replay runs on the wall clock and raises it for agents that stop pinging.
 * </ul>
 *
 * <h2>Why buffer and sort</h2>
 *
 * Distances, speeds and anchors depend on the order of pings, and pings of one agent can arrive out
 * of order (across bundles, or retried by the device). In {@code TrackAgentFn}, each agent's pings
 * wait in an {@code OrderedListState} sorted by event time; an event-time timer at the earliest
 * waiting ping's time releases, once the watermark is past it, every ping up to it, then re-arms at
 * the next waiting ping. The price is latency: movements and inactivity come out when the watermark
 * passes, not on arrival. Deviations and the missing-updates clock do not depend on order and act
 * on arrival. Everything runs in the global window, so an agent's state (its last ping, anchor and
 * waiting pings) lives as long as the run: bounded per agent, growing with the number of agents.
 */
public final class LocationTracking {
  /** A ping farther than this from the planned route point raises a deviation alert. */
  static final double DEVIATION_METERS = 2_000;
  /** Moving farther than this from the anchor counts as moving. */
  static final double MOVE_METERS = 50;
  /** How long an agent may stay within {@link #MOVE_METERS} of its anchor, in event time. */
  static final Duration INACTIVITY = Duration.ofMinutes(15);
  /** Minutes of processing time without a ping before a missing-updates alert, by default. */
  static final int MISSING_MINUTES = 5;
  /** {@link #MISSING_MINUTES} as a duration: the default of {@code --missingAfter}. */
  static final Duration MISSING_AFTER = Duration.ofMinutes(MISSING_MINUTES);
  /** The mean Earth radius used by {@link #haversineMeters}. */
  static final double EARTH_RADIUS_METERS = 6_371_000;
  /** The seed of the generated default input. */
  static final long GENERATED_SEED = 20240301L;

  /** Track order of the class javadoc: event time, then latitude, then longitude. */
  static final Comparator<Ping> TRACK_ORDER = Comparator.comparingLong(Ping::eventTimeMillis)
      .thenComparingDouble(Ping::lat).thenComparingDouble(Ping::lon);

  private static final String[] AGENTS = {"a1", "a2", "a3", "a4"};
  private static final Instant GENERATED_START = Instant.parse("2024-03-01T08:00:00Z");
  private static final Duration GENERATED_SPAN = Duration.ofHours(2);

  private LocationTracking() {}

  /** The great-circle distance in meters between two points given in degrees. */
  public static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  static double metersBetween(Ping a, Ping b) {
    return haversineMeters(a.lat(), a.lon(), b.lat(), b.lon());
  }

  /** {@code MOVE} line of the class javadoc for consecutive track pings. */
  static String moveLine(Ping previous, Ping current) {
    double meters = metersBetween(previous, current);
    Duration gap = Duration.ofMillis(current.eventTimeMillis() - previous.eventTimeMillis());
    return String.format(Locale.ROOT, "MOVE %s at %s: %.1f m in %s, %.2f m/s", current.agentId(),
        current.eventTime(), meters, gap, meters * 1000 / gap.toMillis());
  }

  /** {@code DEVIATION} line of the class javadoc, or null when the ping is on its route. */
  static String deviationLine(Ping ping, KV<Double, Double> planned) {
    if (planned == null) {
      return null;
    }
    double meters = haversineMeters(ping.lat(), ping.lon(), planned.getKey(), planned.getValue());
    return meters > DEVIATION_METERS ? String.format(Locale.ROOT,
        "DEVIATION %s at %s: %.1f m from the planned point", ping.agentId(), ping.eventTime(), meters) : null;
  }

  /** {@code INACTIVE} line of the class javadoc for an anchor. */
  static String inactiveLine(Ping anchor) {
    return "INACTIVE " + anchor.agentId() + " at " + anchor.eventTime().plus(INACTIVITY) + ": within "
        + (int) MOVE_METERS + " m of the ping at " + anchor.eventTime() + " for " + INACTIVITY;
  }

  /** Keys pings by agent and tracks each agent; see the class javadoc for what comes out. */
  public static final class TrackAgents extends PTransform<PCollection<Ping>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Map<String, KV<Double, Double>>> route;
    private final Duration missingAfter;

    /**
     * Tracks against {@code route}, a map of agent id to its planned point as {@code KV<lat, lon>},
     * with {@code MISSING} alerts after {@value #MISSING_MINUTES} minutes without a ping.
     */
    public TrackAgents(PCollectionView<Map<String, KV<Double, Double>>> route) {
      this(route, MISSING_AFTER);
    }

    /**
     * Tracks against {@code route}, with {@code MISSING} alerts after {@code missingAfter} of
     * processing time without a ping.
     *
     * @throws IllegalArgumentException when {@code missingAfter} is not positive
     */
    public TrackAgents(PCollectionView<Map<String, KV<Double, Double>>> route, Duration missingAfter) {
      if (missingAfter == null || missingAfter.isNegative() || missingAfter.isZero()) {
        throw new IllegalArgumentException("TrackAgents: missingAfter must be a positive duration,"
            + " was " + missingAfter + "; e.g. Duration.ofMinutes(5) (--missingAfter=5m)");
      }
      this.route = route;
      this.missingAfter = missingAfter;
    }

    @Override
    public PCollection<String> expand(PCollection<Ping> pings) {
      return pings
          .apply("ByAgent", WithKeys.of(Ping::agentId).withKeyType(TypeDescriptors.strings()))
          .apply("Track", ParDo.of(new TrackAgentFn(route, missingAfter)).withSideInputs(route));
    }
  }

  /** The options of {@link LocationTracking}. */
  public interface LocationTrackingOptions extends PipelineOptions {
    @Description("File or glob of pings, one agentId,lat,lon,eventTimeMillis line each."
        + " Unset: pings generated from a fixed seed.")
    String getInput();

    void setInput(String value);

    @Description("File or glob of planned route points, one agentId,lat,lon line each (one per agent)."
        + " Unset: the generated route of the generated agents.")
    String getRoute();

    void setRoute(String value);

    @Description("Prefix of the output files, one movement or alert per line.")
    @Default.String("target/tracking/reports")
    String getOutput();

    void setOutput(String value);

    @Description("How long an agent may send no ping, in processing time, before a MISSING alert.")
    @Default.String("5m")
    Duration getMissingAfter();

    void setMissingAfter(Duration value);

    @Description("Replay the pings as a live feed at this many times real time (1: as they"
        + " happened; 60: a minute of event time per second) instead of a batch run: the pipeline"
        + " runs on the wall clock, prints each movement or alert as it comes (MISSING alerts"
        + " included), and is cancelled after --runFor. --input must then be one file, not a glob."
        + " Unset: a batch run writing --output.")
    Double getReplaySpeed();

    void setReplaySpeed(Double value);

    @Description("How long a live replay (--replaySpeed) runs before it is cancelled.")
    @Default.String("30s")
    Duration getRunFor();

    void setRunFor(Duration value);
  }

  /** The planned route point of each generated agent, as {@code KV<lat, lon>}: spread over Berlin. */
  public static Map<String, KV<Double, Double>> generatedRoute() {
    Map<String, KV<Double, Double>> route = new TreeMap<>();
    for (int i = 0; i < AGENTS.length; i++) {
      route.put(AGENTS[i], KV.of(52.50 + 0.01 * i, 13.40 + 0.01 * i));
    }
    return route;
  }

  /**
   * The default input: four agents over two hours from 2024-03-01T08:00Z, a ping every 30 to 90
   * whole seconds each, starting at their planned point (a3 about 1.8 km north of it). Each agent
   * alternates between standing (within 10 m of one spot) and walking (30 to 200 m between pings, a
   * random heading) for 5 to 25 minutes at a time, so the run has movements, stationary periods and
   * deviations. The same list on every call and every JVM.
   */
  public static List<Ping> generatedPings() {
    Random random = new Random(GENERATED_SEED);
    List<Ping> pings = new ArrayList<>();
    Map<String, KV<Double, Double>> route = generatedRoute();
    for (String agent : AGENTS) {
      // a3 starts about 1.8 km north of its planned point, so its walks cross the 2 km limit.
      double lat = route.get(agent).getKey() + (agent.equals("a3") ? 0.016 : 0);
      double lon = route.get(agent).getValue();
      boolean walking = true;
      long modeEnds = 0;
      for (long s = 0; s < GENERATED_SPAN.toSeconds(); s += 30 + random.nextInt(61)) {
        if (s >= modeEnds) {
          walking = !walking;
          modeEnds = s + 60L * (5 + random.nextInt(21));
        }
        double step = walking ? 30 + random.nextInt(171) : random.nextInt(11);
        double heading = random.nextDouble() * 2 * Math.PI;
        double pingLat = lat + step * Math.cos(heading) / 111_320;
        double pingLon = lon + step * Math.sin(heading) / (111_320 * Math.cos(Math.toRadians(lat)));
        if (walking) {
          lat = pingLat;
          lon = pingLon;
        }
        // Six decimals, as the CSV form has them, so a file of toCsv() lines gives the same run.
        pings.add(Ping.parse(new Ping(agent, pingLat, pingLon,
            GENERATED_START.plusSeconds(s).toEpochMilli()).toCsv()));
      }
    }
    return pings;
  }

  /**
   * Parses a route line {@code agentId,lat,lon} into {@code KV<agentId, KV<lat, lon>>}; surrounding
   * spaces are ignored.
   *
   * @throws IllegalArgumentException naming the line and the expected format when it does not fit
   */
  public static KV<String, KV<Double, Double>> parseRoutePoint(String line) {
    Ping point;
    try {
      point = Ping.parse(line + ",0");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a route point: \"" + line + "\"; expected agentId,lat,lon"
          + " with latitude in [-90, 90] and longitude in [-180, 180], e.g. a1,52.5200,13.4050", e);
    }
    return KV.of(point.agentId(), KV.of(point.lat(), point.lon()));
  }

  /**
   * The tracking pipeline for {@code options}, built but not run: a batch run writing {@code
   * --output}, or, with {@code --replaySpeed}, a live replay printing each line as it comes.
   */
  public static Pipeline buildPipeline(LocationTrackingOptions options) {
    if (options.getReplaySpeed() != null) {
      Pipeline p = Pipeline.create(options);
      liveReports(p, options, replayedPings(options))
          .apply("PrintReports", ParDo.of(new PrintLinesFn()));
      return p;
    }
    Pipeline p = Pipeline.create(options);
    PCollectionView<Map<String, KV<Double, Double>>> route = routeView(p, options);
    PCollection<String> lines = options.getInput() == null
        ? p.apply("GeneratePings", Create.of(generatedPings().stream().map(Ping::toCsv).toList()))
        : p.apply("ReadPings", TextIO.read().from(options.getInput()));
    lines.apply("ParsePings", MapElements.into(TypeDescriptor.of(Ping.class)).via(Ping::parse))
        .apply("EventTimestamps", WithTimestamps.of(Ping::eventTime))
        .apply("TrackAgents", new TrackAgents(route, options.getMissingAfter()))
        .apply("WriteReports", TextIO.write().to(options.getOutput()).withSuffix(".txt"));
    return p;
  }

  /**
   * Adds live tracking to {@code p}: {@code pings} replayed in real time at {@code --replaySpeed}
   * (1 when unset) by a {@link PingReplaySource}, tracked against the route of {@code options}
   * with {@code MISSING} alerts after {@code --missingAfter}. Returns the movement and alert lines
   * as they come; the pipeline runs until cancelled (the feed stays open after the last ping).
   */
  public static PCollection<String> liveReports(Pipeline p, LocationTrackingOptions options,
      List<Ping> pings) {
    PCollectionView<Map<String, KV<Double, Double>>> route = routeView(p, options);
    double speed = options.getReplaySpeed() == null ? 1 : options.getReplaySpeed();
    return p.apply("ReplayPings", Read.from(PingReplaySource.of(pings, speed)))
        .apply("TrackAgents", new TrackAgents(route, options.getMissingAfter()));
  }

  /** The pings a live replay replays: those of the {@code --input} file, or the generated ones. */
  static List<Ping> replayedPings(LocationTrackingOptions options) {
    if (options.getInput() == null) {
      return generatedPings();
    }
    try {
      return Files.readAllLines(Path.of(options.getInput())).stream()
          .filter(line -> !line.isBlank()).map(Ping::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pings to replay from --input="
          + options.getInput() + " (a live replay reads one file, not a glob)", e);
    }
  }

  /** Prints each line it gets to standard output. */
  private static final class PrintLinesFn extends DoFn<String, Void> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String line) {
      System.out.println(line);
    }
  }

  /** The planned route points as a map view: from {@code --route}, or the generated route. */
  private static PCollectionView<Map<String, KV<Double, Double>>> routeView(Pipeline p,
      LocationTrackingOptions options) {
    KvCoder<String, KV<Double, Double>> pointCoder =
        KvCoder.of(StringUtf8Coder.of(), KvCoder.of(DoubleCoder.of(), DoubleCoder.of()));
    PCollection<KV<String, KV<Double, Double>>> points = options.getRoute() == null
        ? p.apply("GenerateRoute", Create.of(generatedRoute().entrySet().stream()
                .map(e -> KV.of(e.getKey(), e.getValue())).toList()).withCoder(pointCoder))
        : p.apply("ReadRoute", TextIO.read().from(options.getRoute()))
            .apply("ParseRoute", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                    TypeDescriptors.kvs(TypeDescriptors.doubles(), TypeDescriptors.doubles())))
                .via(LocationTracking::parseRoutePoint))
            .setCoder(pointCoder);
    return points.apply("RouteView", View.asMap());
  }

  /** Builds and runs the pipeline, waits for it, and returns the files written, sorted. */
  public static List<Path> runLocationTracking(LocationTrackingOptions options) {
    buildPipeline(options).run().waitUntilFinish();
    return SampleOutput.files(options.getOutput());
  }

  /**
   * Runs a live replay ({@code --replaySpeed}) on a thread of its own for {@code --runFor},
   * printing lines as they come, then cancels it; returns its final state.
   */
  public static PipelineResult.State runLive(LocationTrackingOptions options) {
    options.as(DirectOptions.class).setBlockOnRun(false);
    PipelineResult result = buildPipeline(options).run();
    PipelineResult.State state = result.waitUntilFinish(options.getRunFor());
    return state == PipelineResult.State.RUNNING ? result.cancel() : state;
  }

  /** Runs the pipeline and prints, for each file written, its alerts sorted and its movement count. */
  public static void main(String[] args) throws IOException {
    LocationTrackingOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(LocationTrackingOptions.class);
    } catch (PipelineOptionsFactory.HelpRequestedException help) {
      System.out.print(help.getHelpText());
      return;
    }
    if (options.getReplaySpeed() != null) {
      System.out.println("Replaying " + replayedPings(options).size() + " pings at "
          + options.getReplaySpeed() + "x real time for " + options.getRunFor() + "; MISSING after "
          + options.getMissingAfter() + " without a ping");
      System.out.println("Live replay " + runLive(options));
      return;
    }
    for (Path file : runLocationTracking(options)) {
      List<String> lines = Files.readAllLines(file).stream().sorted().toList();
      long moves = lines.stream().filter(l -> l.startsWith("MOVE ")).count();
      System.out.println("Wrote " + file + ": " + moves + " movements and these alerts");
      lines.stream().filter(l -> !l.startsWith("MOVE ")).forEach(l -> System.out.println("  " + l));
    }
  }
}
