package io.runnel.samples;

import io.runnel.samples.FraudAlert.Rule;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.TextIO;
import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.transforms.WithTimestamps;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.IntervalWindow;
import io.runnel.windowing.SlidingWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Three fraud rules over a stream of card transactions, built from windows and {@code
 * GroupByKey} only (no per-key state). Each input line is one transaction, {@code
 * user,amount,location,eventTimeMillis}, the amount with at most two decimals. Run it from the
 * repository root with
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.FraudRules
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.FraudRules \
 *     -Dexec.args="--input=/data/transactions.csv --output=/tmp/fraud"
 * }</pre>
 *
 * <p>Without {@code --input} it checks {@value #GENERATED_TRANSACTION_COUNT} transactions
 * generated from a fixed seed ({@link #generatedTransactions}); without {@code --output} it writes
 * {@code target/fraud/alerts-*.txt} and prints every alert, sorted.
 *
 * <h2>The rules, exactly</h2>
 *
 * Transactions of one user are ordered by event time, ties by location, then amount (the
 * <em>user order</em>); "within d" of a transaction at {@code t} means an event time in {@code
 * (t - d, t]}, so two transactions exactly d apart are not within d.
 *
 * <ol>
 *   <li>{@link Rule#LARGE_AMOUNT}: a transaction of more than {@value #LARGE_AMOUNT_CENTS} cents
 *       (5,000.00) raises an alert carrying that transaction, at once, whatever its event time.
 *   <li>{@link Rule#HIGH_VELOCITY}: let {@code count(T)} be the number of the user's transactions
 *       up to and including {@code T} in user order that are within one minute of {@code T}. An
 *       alert is raised on {@code T} when {@code count(T) > 3} and the user's previous
 *       transaction {@code P} had {@code count(P) <= 3} (or there is none): one alert when the
 *       rate crosses the threshold, none for every further transaction of the same burst. The
 *       alert carries the {@code count(T)} transactions.
 *   <li>{@link Rule#GEO_DRIFT}: an alert is raised on {@code T} when the user's previous
 *       transaction {@code P} in user order is within ten minutes of {@code T} and has another
 *       location. The alert carries the pair {@code P, T}; each change of location between
 *       consecutive transactions is reported exactly once, by its later transaction.
 * </ol>
 *
 * <h2>Why sliding windows with an evaluation zone, not sessions or state and timers</h2>
 *
 * Both windowed rules look back a fixed span {@code L} from each transaction: two minutes for the
 * velocity rule ({@code count(P)} needs one minute before a {@code P} that is itself at most one
 * minute before {@code T}), ten minutes for geo-drift. Transactions go into {@link SlidingWindows}
 * of size {@code L + 1 minute} every minute, and a window only <em>evaluates</em> the
 * transactions in its last minute, its <em>evaluation zone</em> {@code [end - 1 minute, end)};
 * the rest of the window is look-back context. The zones of consecutive windows tile the time
 * line, so:
 *
 * <ul>
 *   <li><b>Precision</b>: exact at millisecond resolution. The window that evaluates {@code T}
 *       holds every transaction of {@code (T - L, T]}, so counts and predecessors are the true
 *       ones. Plain sliding windows of one minute every {@code N} seconds would miss bursts whose
 *       span is not covered by a window start, and report some only in part.
 *   <li><b>Duplicates</b>: none by construction. A transaction lies in {@code L / 1 minute + 1}
 *       overlapping windows but in exactly one evaluation zone, so each alert comes out of one
 *       window only; no de-duplication step and no state across windows are needed. With the
 *       default trigger and no allowed lateness each window fires once.
 *   <li><b>Latency</b>: an alert comes out when the watermark passes the end of the window that
 *       evaluates its transaction, at most one minute of event time after the transaction (plus
 *       the watermark's own delay). A state+timer version would alert on arrival, without the
 *       wait; sessions (gap = the look-back) would also be exact but delay every alert until
 *       the user pauses for the whole gap, unboundedly for a busy user.
 *   <li><b>Cost</b>: each transaction is copied into 3 (velocity) and 11 (geo-drift) windows, and
 *       a window's group is sorted in memory; fine for per-user rates of a card, not for keys
 *       with millions of events a minute, where state and timers are the better tool.
 * </ul>
 *
 * <p><b>Late data</b>: windows have no allowed lateness. A transaction behind the watermark still
 * raises its {@link Rule#LARGE_AMOUNT} alert (a plain {@code ParDo}), but is dropped from every
 * window that has already closed, so it is never evaluated by the windowed rules once its own
 * evaluation window has fired; it still counts as look-back context in later windows that are
 * still open. The direct runner counts the dropped copies in its dropped-late-data metric. As
 * look-back, a late transaction can also keep a later one of the same burst from raising the
 * velocity alert (its predecessor is already over the limit), so a burst whose crossing
 * transaction arrived late goes unreported. Allowing lateness would not fix that without state:
 * a late pane re-evaluates its window, so accumulating panes repeat alerts already raised and
 * discarding panes lose the look-back. Reporting such bursts is a job for state and timers.
 */
public final class FraudRules {
  /** How many transactions the generated default input holds. */
  static final int GENERATED_TRANSACTION_COUNT = 400;
  /** The seed of the generated default input; fixed, so every run checks the same transactions. */
  static final long GENERATED_TRANSACTION_SEED = 20240301L;
  /** Amounts above this many cents raise a {@link Rule#LARGE_AMOUNT} alert. */
  static final long LARGE_AMOUNT_CENTS = 500_000L;
  /** More than this many transactions within {@link #VELOCITY_SPAN} is a burst. */
  static final int VELOCITY_LIMIT = 3;
  /** The span of the velocity rule. */
  static final Duration VELOCITY_SPAN = Duration.ofMinutes(1);
  /** The span within which a change of location is a drift. */
  static final Duration DRIFT_SPAN = Duration.ofMinutes(10);
  /** The length of the evaluation zone, and the period of both sliding windows. */
  static final Duration EVALUATION_PERIOD = Duration.ofMinutes(1);

  private static final String[] USERS = {"ana", "ben", "chen", "dara", "eli", "fay"};
  private static final String[] LOCATIONS = {"Berlin", "Lisbon", "Madrid", "Oslo", "Paris", "Rome"};
  private static final Instant GENERATED_START = Instant.parse("2024-03-01T08:00:00Z");
  private static final Duration GENERATED_SPAN = Duration.ofHours(4);

  private FraudRules() {}

  /**
   * Rule 1: one {@link Rule#LARGE_AMOUNT} alert per transaction above {@link
   * #LARGE_AMOUNT_CENTS}, emitted as the transaction is processed, in the transaction's window and
   * with its timestamp.
   */
  public static final class FlagLargeAmounts extends PTransform<PCollection<Transaction>, PCollection<FraudAlert>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<FraudAlert> expand(PCollection<Transaction> transactions) {
      return transactions.apply("AboveLimit", ParDo.of(new DoFn<Transaction, FraudAlert>() {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void processElement(@Element Transaction t, OutputReceiver<FraudAlert> out) {
          if (t.amountCents() > LARGE_AMOUNT_CENTS) {
            out.output(new FraudAlert(Rule.LARGE_AMOUNT, List.of(t)));
          }
        }
      }));
    }
  }

  /**
   * Rules 2 and 3: groups each user's transactions into sliding windows of {@code lookBack} plus
   * {@link #EVALUATION_PERIOD} every {@link #EVALUATION_PERIOD} and applies {@code rule} to the
   * transactions in each window's evaluation zone (see the class javadoc). Alerts come out in
   * their sliding window, one ON_TIME pane per window, timestamped with the window's {@code
   * maxTimestamp()}.
   */
  public static final class DetectInTrailingSpan extends PTransform<PCollection<Transaction>, PCollection<FraudAlert>> {
    private static final long serialVersionUID = 1L;
    private final Rule rule;

    /** Detects {@code rule}, which must be {@link Rule#HIGH_VELOCITY} or {@link Rule#GEO_DRIFT}. */
    public DetectInTrailingSpan(Rule rule) {
      if (rule == Rule.LARGE_AMOUNT) {
        throw new IllegalArgumentException("LARGE_AMOUNT needs no window; use FlagLargeAmounts");
      }
      this.rule = rule;
    }

    /** The look-back the rule needs from a transaction, see the class javadoc. */
    Duration lookBack() {
      return rule == Rule.HIGH_VELOCITY ? VELOCITY_SPAN.multipliedBy(2) : DRIFT_SPAN;
    }

    @Override
    public PCollection<FraudAlert> expand(PCollection<Transaction> transactions) {
      return transactions
          .apply("TrailingWindows", Window.<Transaction>into(
              SlidingWindows.of(lookBack().plus(EVALUATION_PERIOD)).every(EVALUATION_PERIOD)))
          .apply("ByUser", WithKeys.of(Transaction::user).withKeyType(TypeDescriptors.strings()))
          .apply("GroupByUser", GroupByKey.create())
          .apply("EvaluateZone", ParDo.of(new EvaluateZoneFn(rule)));
    }
  }

  /** Applies one windowed rule to the evaluation zone of a window of one user's transactions. */
  static final class EvaluateZoneFn extends DoFn<KV<String, Iterable<Transaction>>, FraudAlert> {
    private static final long serialVersionUID = 1L;
    private final Rule rule;

    EvaluateZoneFn(Rule rule) {
      this.rule = rule;
    }

    @ProcessElement
    public void processElement(@Element KV<String, Iterable<Transaction>> group, IntervalWindow window,
        OutputReceiver<FraudAlert> out) {
      List<Transaction> ordered = new ArrayList<>();
      group.getValue().forEach(ordered::add);
      ordered.sort(Transaction.USER_ORDER);
      Instant zoneStart = window.end().minus(EVALUATION_PERIOD);
      for (int i = 0; i < ordered.size(); i++) {
        if (ordered.get(i).eventTime().isBefore(zoneStart)) {
          continue;
        }
        FraudAlert alert = rule == Rule.HIGH_VELOCITY ? velocityAlert(ordered, i) : driftAlert(ordered, i);
        if (alert != null) {
          out.output(alert);
        }
      }
    }
  }

  /**
   * The {@link Rule#HIGH_VELOCITY} alert raised on {@code ordered.get(i)}, or null; {@code
   * ordered} is one user's transactions in user order and holds at least the two minutes up to
   * that transaction.
   */
  static FraudAlert velocityAlert(List<Transaction> ordered, int i) {
    int count = countWithinSpan(ordered, i);
    if (count <= VELOCITY_LIMIT || (i > 0 && countWithinSpan(ordered, i - 1) > VELOCITY_LIMIT)) {
      return null;
    }
    return new FraudAlert(Rule.HIGH_VELOCITY, ordered.subList(i - count + 1, i + 1));
  }

  /** {@code count(T)} of the class javadoc for {@code T = ordered.get(i)}. */
  private static int countWithinSpan(List<Transaction> ordered, int i) {
    long after = ordered.get(i).eventTimeMillis() - VELOCITY_SPAN.toMillis();
    int count = 0;
    for (int j = i; j >= 0 && ordered.get(j).eventTimeMillis() > after; j--) {
      count++;
    }
    return count;
  }

  /**
   * The {@link Rule#GEO_DRIFT} alert raised on {@code ordered.get(i)}, or null; {@code ordered} is
   * one user's transactions in user order and holds at least the ten minutes up to that
   * transaction.
   */
  static FraudAlert driftAlert(List<Transaction> ordered, int i) {
    if (i == 0) {
      return null;
    }
    Transaction previous = ordered.get(i - 1);
    Transaction current = ordered.get(i);
    boolean within = previous.eventTimeMillis() > current.eventTimeMillis() - DRIFT_SPAN.toMillis();
    return within && !previous.location().equals(current.location())
        ? new FraudAlert(Rule.GEO_DRIFT, List.of(previous, current)) : null;
  }

  /**
   * All three rules: the alerts of each, moved into the global window with the default trigger
   * and flattened into one collection.
   */
  public static final class DetectFraud extends PTransform<PCollection<Transaction>, PCollection<FraudAlert>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<FraudAlert> expand(PCollection<Transaction> transactions) {
      PCollection<FraudAlert> large = transactions.apply("FlagLargeAmounts", new FlagLargeAmounts())
          .apply("LargeToGlobal", globalWindow());
      PCollection<FraudAlert> velocity = transactions
          .apply("DetectHighVelocity", new DetectInTrailingSpan(Rule.HIGH_VELOCITY))
          .apply("VelocityToGlobal", globalWindow());
      PCollection<FraudAlert> drift = transactions
          .apply("DetectGeoDrift", new DetectInTrailingSpan(Rule.GEO_DRIFT))
          .apply("DriftToGlobal", globalWindow());
      return PCollectionList.of(large).and(velocity).and(drift).apply("AllAlerts", Flatten.pCollections());
    }

    private static Window<FraudAlert> globalWindow() {
      return Window.<FraudAlert>into(new GlobalWindows()).triggering(DefaultTrigger.of()).discardingFiredPanes();
    }
  }

  /** The options of {@link FraudRules}. */
  public interface FraudOptions extends PipelineOptions {
    @Description("File or glob of transactions, one user,amount,location,eventTimeMillis line each."
        + " Unset: " + GENERATED_TRANSACTION_COUNT + " transactions generated from a fixed seed.")
    String getInput();

    void setInput(String value);

    @Description("Prefix of the output files, one alert per line.")
    @Default.String("target/fraud/alerts")
    String getOutput();

    void setOutput(String value);
  }

  /**
   * The default input: {@value #GENERATED_TRANSACTION_COUNT} transactions of six users over four
   * hours from 2024-03-01T08:00Z, at whole seconds. Most are small and at the user's home location;
   * about one in twenty-five is above 5,000, one in twelve elsewhere, and one in fifteen starts a
   * burst of three to five more within 40 seconds. The same list on every call and every JVM.
   */
  public static List<Transaction> generatedTransactions() {
    Random random = new Random(GENERATED_TRANSACTION_SEED);
    List<Transaction> transactions = new ArrayList<>(GENERATED_TRANSACTION_COUNT);
    while (transactions.size() < GENERATED_TRANSACTION_COUNT) {
      int user = random.nextInt(USERS.length);
      long second = random.nextInt((int) GENERATED_SPAN.toSeconds());
      int burst = random.nextInt(15) == 0 ? 3 + random.nextInt(3) : 0;
      for (int k = 0; k <= burst && transactions.size() < GENERATED_TRANSACTION_COUNT; k++) {
        long cents = random.nextInt(25) == 0 ? 400_000 + random.nextInt(400_000) : 100 + random.nextInt(30_000);
        String location = random.nextInt(12) == 0 ? LOCATIONS[random.nextInt(LOCATIONS.length)] : LOCATIONS[user];
        long at = GENERATED_START.plusSeconds(second + (k == 0 ? 0 : random.nextInt(40))).toEpochMilli();
        transactions.add(new Transaction(USERS[user], cents, location, at));
      }
    }
    return transactions;
  }

  /** The fraud pipeline for {@code options}, built but not run. */
  public static Pipeline buildPipeline(FraudOptions options) {
    Pipeline p = Pipeline.create(options);
    PCollection<String> lines = options.getInput() == null
        ? p.apply("GenerateTransactions",
            Create.of(generatedTransactions().stream().map(Transaction::toCsv).toList()))
        : p.apply("ReadTransactions", TextIO.read().from(options.getInput()));
    lines.apply("ParseTransactions", MapElements.into(TypeDescriptor.of(Transaction.class)).via(Transaction::parse))
        .apply("EventTimestamps", WithTimestamps.of(Transaction::eventTime))
        .apply("DetectFraud", new DetectFraud())
        .apply("FormatAlerts", MapElements.into(TypeDescriptors.strings()).via(FraudAlert::describe))
        .apply("WriteAlerts", TextIO.write().to(options.getOutput()).withSuffix(".txt"));
    return p;
  }

  /** Builds and runs the pipeline, waits for it, and returns the files written, sorted. */
  public static List<Path> runFraudRules(FraudOptions options) {
    buildPipeline(options).run().waitUntilFinish();
    return SampleOutput.files(options.getOutput());
  }

  /** Runs the pipeline and prints, for each file written, its name and its alerts sorted. */
  public static void main(String[] args) throws IOException {
    FraudOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(FraudOptions.class);
    } catch (PipelineOptionsFactory.HelpRequestedException help) {
      System.out.print(help.getHelpText());
      return;
    }
    for (Path file : runFraudRules(options)) {
      System.out.println("Wrote " + file);
      for (String line : Files.readAllLines(file).stream().sorted().toList()) {
        System.out.println("  " + line);
      }
    }
  }
}
