package io.runnel.samples;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.DefaultCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.TextIO;
import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Count;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.Distinct;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithTimestamps;
import io.runnel.sdk.transforms.join.CoGbkResult;
import io.runnel.sdk.transforms.join.CoGroupByKey;
import io.runnel.sdk.transforms.join.KeyedPCollectionTuple;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.IntervalWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A login risk level per user per hour, from three per-user aggregates joined with {@code
 * CoGroupByKey}. Each input line is one login, {@code user,device,city,eventTimeMillis}. Run it
 * from the repository root with
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.RiskEngine
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.RiskEngine \
 *     -Dexec.args="--input=/data/logins.csv --output=/tmp/risk"
 * }</pre>
 *
 * <p>Without {@code --input} it rates {@value #GENERATED_LOGIN_COUNT} logins generated from a
 * fixed seed ({@link #generatedLogins}); without {@code --output} it writes {@code
 * target/risk/levels-*.txt} and prints every line, sorted.
 *
 * <p><b>How.</b> Logins go into fixed event-time windows of one hour ({@code [start, start + 1h)},
 * aligned to the epoch) with the default trigger and no allowed lateness. Per user and window the
 * pipeline computes the number of distinct devices ({@code Distinct} of {@code KV(user, device)},
 * then {@code Count.perKey}), of distinct cities (likewise) and of logins ({@code Count.perKey}),
 * joins the three by user with {@code CoGroupByKey} (the join runs per window, so each result
 * belongs to one user and one hour), and rates the result with {@link RiskLevel#of}.
 *
 * <p><b>The rule table</b>, first match wins (so HIGH takes precedence over MEDIUM):
 *
 * <table>
 *   <caption>risk levels</caption>
 *   <tr><th>level</th><th>when, within one user's hour</th></tr>
 *   <tr><td>HIGH</td><td>device and city both changed: more than one distinct device and more
 *       than one distinct city</td></tr>
 *   <tr><td>MEDIUM</td><td>more than {@value #MEDIUM_LOGIN_LIMIT} logins</td></tr>
 *   <tr><td>LOW</td><td>otherwise</td></tr>
 * </table>
 *
 * <p>A user with no login in an hour gets no line for it. A login behind the watermark once its
 * hour has fired is dropped (and counted in the dropped-late-data metric): a level, once
 * printed, is final.
 */
public final class RiskEngine {
  /** How many logins the generated default input holds. */
  static final int GENERATED_LOGIN_COUNT = 300;
  /** The seed of the generated default input; fixed, so every run rates the same logins. */
  static final long GENERATED_LOGIN_SEED = 20240401L;
  /** More logins than this in an hour is {@link RiskLevel#MEDIUM} (unless HIGH). */
  static final long MEDIUM_LOGIN_LIMIT = 5;
  /** The length of the fixed windows. */
  static final Duration WINDOW = Duration.ofHours(1);

  private static final String[] USERS = {"ana", "ben", "chen", "dara", "eli", "fay", "gus", "hana"};
  private static final String[] CITIES = {"Berlin", "Lisbon", "Madrid", "Oslo", "Paris", "Rome"};
  private static final String[] DEVICES = {"laptop", "phone", "tablet"};
  private static final Instant GENERATED_START = Instant.parse("2024-04-01T06:00:00Z");
  private static final Duration GENERATED_SPAN = Duration.ofHours(4);

  static final TupleTag<Long> DEVICES_TAG = new TupleTag<>("devices");
  static final TupleTag<Long> CITIES_TAG = new TupleTag<>("cities");
  static final TupleTag<Long> LOGINS_TAG = new TupleTag<>("logins");

  private RiskEngine() {}

  /** A risk level; see the rule table in the class javadoc. */
  public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    /** The level of one user's hour by the rule table, first match wins. */
    public static RiskLevel of(long distinctDevices, long distinctCities, long logins) {
      if (distinctDevices > 1 && distinctCities > 1) {
        return HIGH;
      }
      return logins > MEDIUM_LOGIN_LIMIT ? MEDIUM : LOW;
    }
  }

  /**
   * One login: {@code user} logged in from {@code device} in {@code city} at {@code
   * eventTimeMillis} (milliseconds since the epoch). Immutable; encoded by {@link LoginCoder}.
   */
  @DefaultCoder(LoginCoder.class)
  public record Login(String user, String device, String city, long eventTimeMillis) {
    /**
     * Parses {@code user,device,city,eventTimeMillis}; surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException naming the line and the expected format when it does not fit
     */
    public static Login parse(String line) {
      String[] fields = line.split(",", -1);
      if (fields.length != 4 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
        throw new IllegalArgumentException(badLine(line));
      }
      try {
        return new Login(fields[0].strip(), fields[1].strip(), fields[2].strip(), Long.parseLong(fields[3].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(badLine(line), e);
      }
    }

    private static String badLine(String line) {
      return "not a login: \"" + line + "\"; expected user,device,city,eventTimeMillis with"
          + " non-empty names, e.g. ana,phone,Berlin,1711951200000";
    }

    /** When the login happened. */
    public Instant eventTime() {
      return Instant.ofEpochMilli(eventTimeMillis);
    }

    /** The login as an input line, the inverse of {@link #parse}. */
    public String toCsv() {
      return user + "," + device + "," + city + "," + eventTimeMillis;
    }
  }

  /** Encodes a {@link Login} field by field; deterministic. */
  public static final class LoginCoder extends AtomicCoder<Login> {
    private static final long serialVersionUID = 1L;
    private static final LoginCoder INSTANCE = new LoginCoder();

    /** The coder; all instances are equal. */
    public static LoginCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Login login, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(login.user(), out);
      StringUtf8Coder.of().encode(login.device(), out);
      StringUtf8Coder.of().encode(login.city(), out);
      VarLongCoder.of().encode(login.eventTimeMillis(), out);
    }

    @Override
    public Login decode(InputStream in) throws IOException {
      return new Login(StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in),
          StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in));
    }
  }

  /**
   * Rates logins: one line per user per one-hour window with at least one login, {@code <user>
   * in [<start>, <end>): <LEVEL> devices=<d> cities=<c> logins=<n>}, times in ISO-8601, e.g.
   * {@code ana in [2024-04-01T06:00:00Z, 2024-04-01T07:00:00Z): HIGH devices=2 cities=2 logins=3}.
   * The output is in the hourly windows, one ON_TIME pane each.
   */
  public static final class RateLogins extends PTransform<PCollection<Login>, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PCollection<Login> logins) {
      PCollection<Login> hourly = logins.apply("HourlyWindows", Window.<Login>into(FixedWindows.of(WINDOW)));
      PCollection<KV<String, Long>> devices = distinctPerUser(hourly, "Devices", Login::device);
      PCollection<KV<String, Long>> cities = distinctPerUser(hourly, "Cities", Login::city);
      PCollection<KV<String, Long>> loginCounts = hourly
          .apply("UserOfLogin", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Login.class)))
              .via((Login l) -> KV.of(l.user(), l)))
          .apply("CountLogins", Count.perKey());
      return KeyedPCollectionTuple.of(DEVICES_TAG, devices).and(CITIES_TAG, cities).and(LOGINS_TAG, loginCounts)
          .apply("JoinPerUser", CoGroupByKey.create())
          .apply("RateUserHour", ParDo.of(new RateFn()));
    }

    private static PCollection<KV<String, Long>> distinctPerUser(PCollection<Login> hourly, String what,
        SerializableFunction<Login, String> field) {
      return hourly
          .apply("UserAnd" + what, MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
              .via((Login l) -> KV.of(l.user(), field.apply(l))))
          .apply("Distinct" + what, Distinct.create())
          .apply("Count" + what, Count.perKey());
    }
  }

  /** Formats the joined counts of one user's hour with its level. */
  static final class RateFn extends DoFn<KV<String, CoGbkResult>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, CoGbkResult> joined, IntervalWindow window,
        OutputReceiver<String> out) {
      CoGbkResult counts = joined.getValue();
      long devices = counts.getOnly(DEVICES_TAG, 0L);
      long cities = counts.getOnly(CITIES_TAG, 0L);
      long logins = counts.getOnly(LOGINS_TAG, 0L);
      out.output(describe(joined.getKey(), window, devices, cities, logins));
    }

    static String describe(String user, IntervalWindow window, long devices, long cities, long logins) {
      return user + " in [" + window.start() + ", " + window.end() + "): "
          + RiskLevel.of(devices, cities, logins) + " devices=" + devices + " cities=" + cities
          + " logins=" + logins;
    }
  }

  /** The options of {@link RiskEngine}. */
  public interface RiskOptions extends PipelineOptions {
    @Description("File or glob of logins, one user,device,city,eventTimeMillis line each."
        + " Unset: " + GENERATED_LOGIN_COUNT + " logins generated from a fixed seed.")
    String getInput();

    void setInput(String value);

    @Description("Prefix of the output files, one user-hour per line.")
    @Default.String("target/risk/levels")
    String getOutput();

    void setOutput(String value);
  }

  /**
   * The default input: {@value #GENERATED_LOGIN_COUNT} logins of eight users over four hours from
   * 2024-04-01T06:00Z, at whole seconds; the first three users log in about three times as often
   * as the others. Most logins use the user's own device and city; about one in six another
   * device, one in eight another city. The same list on every call and every JVM.
   */
  public static List<Login> generatedLogins() {
    Random random = new Random(GENERATED_LOGIN_SEED);
    List<Login> logins = new ArrayList<>(GENERATED_LOGIN_COUNT);
    for (int i = 0; i < GENERATED_LOGIN_COUNT; i++) {
      int pick = random.nextInt(USERS.length + 6);
      int user = pick < USERS.length ? pick : (pick - USERS.length) % 3;
      String device = random.nextInt(6) == 0 ? DEVICES[random.nextInt(DEVICES.length)] : DEVICES[user % DEVICES.length];
      String city = random.nextInt(8) == 0 ? CITIES[random.nextInt(CITIES.length)] : CITIES[user % CITIES.length];
      long second = random.nextInt((int) GENERATED_SPAN.toSeconds());
      logins.add(new Login(USERS[user], device, city, GENERATED_START.plusSeconds(second).toEpochMilli()));
    }
    return logins;
  }

  /** The risk pipeline for {@code options}, built but not run. */
  public static Pipeline buildPipeline(RiskOptions options) {
    Pipeline p = Pipeline.create(options);
    PCollection<String> lines = options.getInput() == null
        ? p.apply("GenerateLogins", Create.of(generatedLogins().stream().map(Login::toCsv).toList()))
        : p.apply("ReadLogins", TextIO.read().from(options.getInput()));
    lines.apply("ParseLogins", MapElements.into(TypeDescriptor.of(Login.class)).via(Login::parse))
        .apply("EventTimestamps", WithTimestamps.of(Login::eventTime))
        .apply("RateLogins", new RateLogins())
        .apply("LevelsForWriting", Window.<String>into(new GlobalWindows())
            .triggering(DefaultTrigger.of()).discardingFiredPanes())
        .apply("WriteLevels", TextIO.write().to(options.getOutput()).withSuffix(".txt"));
    return p;
  }

  /** Builds and runs the pipeline, waits for it, and returns the files written, sorted. */
  public static List<Path> runRiskEngine(RiskOptions options) {
    buildPipeline(options).run().waitUntilFinish();
    return SampleOutput.files(options.getOutput());
  }

  /** Runs the pipeline and prints, for each file written, its name and its lines sorted. */
  public static void main(String[] args) throws IOException {
    RiskOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(RiskOptions.class);
    } catch (PipelineOptionsFactory.HelpRequestedException help) {
      System.out.print(help.getHelpText());
      return;
    }
    for (Path file : runRiskEngine(options)) {
      System.out.println("Wrote " + file);
      for (String line : Files.readAllLines(file).stream().sorted().toList()) {
        System.out.println("  " + line);
      }
    }
  }
}
