package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.samples.FraudRules.DetectFraud;
import io.runnel.samples.FraudAlert.FraudAlertCoder;
import io.runnel.samples.FraudAlert.Rule;
import io.runnel.samples.FraudRules.FraudOptions;
import io.runnel.samples.Transaction.TransactionCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three fraud rules under a {@link TestStream}, each alert checked exactly, with the edges of
 * every rule (5,000.00 against 5,000.01; three against four transactions in a minute; a location
 * change 9:59 against 10:00 apart) and the late-data behaviour; and the whole pipeline on its
 * generated default input checked against a brute-force computation of the rules in plain Java.
 */
class FraudRulesTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();
  @TempDir Path dir;

  private static final Instant NINE = Instant.parse("2024-03-01T09:00:00Z");

  /** A transaction at {@code clock} ({@code HH:mm:ss[.SSS]}) on 2024-03-01, stamped with that time. */
  private static TimestampedValue<Transaction> tx(String user, String amount, String location, String clock) {
    Transaction t = Transaction.parse(user + "," + amount + "," + location + ","
        + Instant.parse("2024-03-01T" + clock + "Z").toEpochMilli());
    return TimestampedValue.of(t, t.eventTime());
  }

  private static TestStream.Builder<Transaction> transactions() {
    return TestStream.create(TransactionCoder.of()).advanceWatermarkTo(NINE);
  }

  private PCollection<String> alerts(TestStream<Transaction> stream) {
    return p.apply(stream).apply(new DetectFraud())
        .apply(MapElements.into(TypeDescriptors.strings()).via(FraudAlert::describe));
  }

  @Test
  void amountsAboveFiveThousandAreFlaggedAndFiveThousandIsNot() {
    TestStream<Transaction> stream = transactions()
        .addElements(tx("ana", "5000", "Berlin", "09:00:00"), tx("ana", "5000.00", "Berlin", "09:02:00"),
            tx("ana", "5000.01", "Berlin", "09:04:00"), tx("ben", "5001", "Oslo", "09:06:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "LARGE_AMOUNT ana at 2024-03-01T09:04:00Z: 5000.01 Berlin 2024-03-01T09:04:00Z",
        "LARGE_AMOUNT ben at 2024-03-01T09:06:00Z: 5001.00 Oslo 2024-03-01T09:06:00Z");
    p.run();
  }

  @Test
  void fourTransactionsWithinAMinuteRaiseOneAlertAndThreeOrFourSpanningAFullMinuteDoNot() {
    TestStream<Transaction> stream = transactions()
        // Three in a minute, then a fourth exactly one minute after the first: never four within.
        .addElements(tx("three", "1", "Rome", "09:00:00"), tx("three", "1", "Rome", "09:00:10"),
            tx("three", "1", "Rome", "09:00:20"), tx("three", "1", "Rome", "09:01:00"))
        // Four within 59.999 seconds.
        .addElements(tx("four", "1", "Rome", "09:00:00"), tx("four", "2", "Rome", "09:00:10"),
            tx("four", "3", "Rome", "09:00:20"), tx("four", "4", "Rome", "09:00:59.999"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "HIGH_VELOCITY four at 2024-03-01T09:00:59.999Z: 1.00 Rome 2024-03-01T09:00:00Z;"
            + " 2.00 Rome 2024-03-01T09:00:10Z; 3.00 Rome 2024-03-01T09:00:20Z;"
            + " 4.00 Rome 2024-03-01T09:00:59.999Z");
    p.run();
  }

  @Test
  void aBurstIsReportedOnceWhenItCrossesTheLimitEvenAcrossWindowBoundaries() {
    TestStream<Transaction> stream = transactions()
        // Six every ten seconds across the 09:01 boundary: only the fourth raises an alert.
        .addElements(tx("ana", "1", "Oslo", "09:00:35"), tx("ana", "2", "Oslo", "09:00:45"),
            tx("ana", "3", "Oslo", "09:00:55"), tx("ana", "4", "Oslo", "09:01:05"),
            tx("ana", "5", "Oslo", "09:01:15"), tx("ana", "6", "Oslo", "09:01:25"))
        .advanceWatermarkTo(NINE.plus(Duration.ofMinutes(3)))
        // The rate dropped below the limit in between: a new burst, a new alert.
        .addElements(tx("ana", "7", "Oslo", "09:05:00"), tx("ana", "8", "Oslo", "09:05:01"),
            tx("ana", "9", "Oslo", "09:05:02"), tx("ana", "10", "Oslo", "09:05:03"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "HIGH_VELOCITY ana at 2024-03-01T09:01:05Z: 1.00 Oslo 2024-03-01T09:00:35Z;"
            + " 2.00 Oslo 2024-03-01T09:00:45Z; 3.00 Oslo 2024-03-01T09:00:55Z; 4.00 Oslo 2024-03-01T09:01:05Z",
        "HIGH_VELOCITY ana at 2024-03-01T09:05:03Z: 7.00 Oslo 2024-03-01T09:05:00Z;"
            + " 8.00 Oslo 2024-03-01T09:05:01Z; 9.00 Oslo 2024-03-01T09:05:02Z; 10.00 Oslo 2024-03-01T09:05:03Z");
    p.run();
  }

  @Test
  void aLocationChangeWithinTenMinutesIsReportedOnceByItsLaterTransaction() {
    TestStream<Transaction> stream = transactions()
        .addElements(tx("near", "1", "Berlin", "09:00:00"), tx("near", "2", "Paris", "09:09:59"))
        .addElements(tx("apart", "1", "Berlin", "09:00:00"), tx("apart", "2", "Paris", "09:10:00"))
        // Only the change between consecutive transactions counts: Berlin 09:05 -> Paris 09:08,
        // not Berlin 09:00 -> Paris 09:08 nor the Paris that follows; Berlin 09:30 is too far.
        .addElements(tx("hops", "1", "Berlin", "09:00:00"), tx("hops", "2", "Berlin", "09:05:00"),
            tx("hops", "3", "Paris", "09:08:00"), tx("hops", "4", "Paris", "09:09:00"),
            tx("hops", "5", "Berlin", "09:30:00"))
        // The same millisecond in two places: ordered by location, one alert.
        .addElements(tx("twin", "1", "Paris", "09:20:00"), tx("twin", "2", "Berlin", "09:20:00"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "GEO_DRIFT near at 2024-03-01T09:09:59Z: 1.00 Berlin 2024-03-01T09:00:00Z; 2.00 Paris 2024-03-01T09:09:59Z",
        "GEO_DRIFT hops at 2024-03-01T09:08:00Z: 2.00 Berlin 2024-03-01T09:05:00Z; 3.00 Paris 2024-03-01T09:08:00Z",
        "GEO_DRIFT twin at 2024-03-01T09:20:00Z: 2.00 Berlin 2024-03-01T09:20:00Z; 1.00 Paris 2024-03-01T09:20:00Z");
    p.run();
  }

  @Test
  void aLateTransactionIsStillFlaggedForItsAmountButNotEvaluatedByTheWindowedRules() {
    TestStream<Transaction> stream = transactions()
        .addElements(tx("ana", "1", "Oslo", "09:00:10"), tx("ana", "2", "Oslo", "09:00:20"),
            tx("ana", "3", "Oslo", "09:00:30"))
        // The window evaluating [09:00, 09:01) has fired and is gone.
        .advanceWatermarkTo(NINE.plus(Duration.ofSeconds(90)))
        // Late: the fourth in a minute, from elsewhere, and large.
        .addElements(tx("ana", "6000", "Rome", "09:00:40"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "LARGE_AMOUNT ana at 2024-03-01T09:00:40Z: 6000.00 Rome 2024-03-01T09:00:40Z");
    p.run();
  }

  @Test
  void aLateTransactionStillCountsAsLookBackSoItsBurstIsNotReportedLater() {
    TestStream<Transaction> stream = transactions()
        .addElements(tx("ana", "1", "Oslo", "09:00:10"), tx("ana", "2", "Oslo", "09:00:20"),
            tx("ana", "3", "Oslo", "09:00:30"))
        .advanceWatermarkTo(NINE.plus(Duration.ofMinutes(1)))
        // Late for the window evaluating it, on time for the later windows that look back on it.
        .addElements(tx("ana", "4", "Oslo", "09:00:40"))
        // Five within a minute, but its predecessor (the late one) was already over the limit.
        .addElements(tx("ana", "5", "Oslo", "09:01:05"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).empty();
    p.run();
  }

  @Test
  void generatedRunMatchesABruteForceComputationOfTheRules() throws IOException {
    FraudOptions options = PipelineOptionsFactory.fromArgs("--output=" + dir.resolve("alerts"))
        .as(FraudOptions.class);

    List<Path> files = FraudRules.runFraudRules(options);

    List<String> expected = bruteForceAlerts(FraudRules.generatedTransactions());
    assertThat(files).containsExactly(dir.resolve("alerts-00000-of-00001.txt"));
    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).anyMatch(a -> a.startsWith("LARGE_AMOUNT"))
        .anyMatch(a -> a.startsWith("HIGH_VELOCITY")).anyMatch(a -> a.startsWith("GEO_DRIFT"));
  }

  @Test
  void generatedTransactionsAreTheSameOnEveryCall() {
    assertThat(FraudRules.generatedTransactions())
        .hasSize(FraudRules.GENERATED_TRANSACTION_COUNT)
        .isEqualTo(FraudRules.generatedTransactions());
  }

  @Test
  void readsTransactionsFromAFile() throws IOException {
    Path input = dir.resolve("transactions.csv");
    Files.write(input, List.of(
        "ana,12.50,Berlin," + NINE.toEpochMilli(),
        " ana , 7000 , Lisbon , " + NINE.plusSeconds(120).toEpochMilli()));
    FraudOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + dir.resolve("out/a"))
        .as(FraudOptions.class);

    List<Path> files = FraudRules.runFraudRules(options);

    assertThat(Files.readAllLines(files.get(0), StandardCharsets.UTF_8)).containsExactlyInAnyOrder(
        "LARGE_AMOUNT ana at 2024-03-01T09:02:00Z: 7000.00 Lisbon 2024-03-01T09:02:00Z",
        "GEO_DRIFT ana at 2024-03-01T09:02:00Z: 12.50 Berlin 2024-03-01T09:00:00Z; 7000.00 Lisbon 2024-03-01T09:02:00Z");
  }

  @Test
  void aMalformedLineIsRejectedWithTheLineAndTheExpectedFormat() {
    for (String bad : List.of("ana,lots,Berlin,0", "ana,12.345,Berlin,0", "ana,-1,Berlin,0", "ana,1,Berlin",
        "ana,1,,0", "ana,1,Berlin,noon")) {
      assertThatThrownBy(() -> Transaction.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"")
          .hasMessageContaining("user,amount,location,eventTimeMillis");
    }
  }

  @Test
  void aMalformedLineInTheInputFailsTheRunNamingTheParseStepAndTheLine() throws IOException {
    Path input = dir.resolve("bad.csv");
    Files.write(input, List.of("ana,12.50,Berlin," + NINE.toEpochMilli(), "ana,12.5.0,Berlin,0"));
    FraudOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + dir.resolve("bad/a"))
        .as(FraudOptions.class);

    assertThatThrownBy(() -> FraudRules.runFraudRules(options))
        .hasMessageContaining("ParseTransactions")
        .hasStackTraceContaining("\"ana,12.5.0,Berlin,0\"; expected user,amount,location,eventTimeMillis");
  }

  @Test
  void theSameAlertsComeOutWhateverTheBundleAndGroupOrder() {
    TestStream<Transaction> stream = transactions()
        .addElements(tx("ana", "1", "Oslo", "09:00:35"), tx("ana", "2", "Oslo", "09:00:45"),
            tx("ana", "3", "Rome", "09:00:55"), tx("ana", "4", "Oslo", "09:01:05"),
            tx("ana", "5", "Oslo", "09:01:15"))
        .advanceWatermarkToInfinity();

    PAssert.that(alerts(stream)).containsInAnyOrder(
        "HIGH_VELOCITY ana at 2024-03-01T09:01:05Z: 1.00 Oslo 2024-03-01T09:00:35Z;"
            + " 2.00 Oslo 2024-03-01T09:00:45Z; 3.00 Rome 2024-03-01T09:00:55Z; 4.00 Oslo 2024-03-01T09:01:05Z",
        "GEO_DRIFT ana at 2024-03-01T09:00:55Z: 2.00 Oslo 2024-03-01T09:00:45Z; 3.00 Rome 2024-03-01T09:00:55Z",
        "GEO_DRIFT ana at 2024-03-01T09:01:05Z: 3.00 Rome 2024-03-01T09:00:55Z; 4.00 Oslo 2024-03-01T09:01:05Z");
    p.run(PipelineOptionsFactory.fromArgs("--directSeed=42").create());
  }

  @Test
  void csvLinesRoundTripThroughParse() {
    Transaction t = new Transaction("ana", 500_001, "Berlin", 1709283600000L);

    assertThat(t.toCsv()).isEqualTo("ana,5000.01,Berlin,1709283600000");
    assertThat(Transaction.parse(t.toCsv())).isEqualTo(t);
  }

  @Test
  void alertsEncodeDeterministicallyAndDecodeToEqualAlerts() throws IOException {
    FraudAlert alert = new FraudAlert(Rule.GEO_DRIFT, List.of(
        new Transaction("ana", 100, "Berlin", 1L), new Transaction("ana", 200, "Paris", 2L)));

    byte[] once = encode(alert);

    assertThat(encode(alert)).isEqualTo(once);
    assertThat(FraudAlertCoder.of().decode(new ByteArrayInputStream(once))).isEqualTo(alert);
  }

  private static byte[] encode(FraudAlert alert) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FraudAlertCoder.of().encode(alert, bytes);
    return bytes.toByteArray();
  }

  /**
   * The rules of {@link FraudRules}'s javadoc computed directly on each user's whole history, with
   * no windows: the reference the pipeline must match.
   */
  private static List<String> bruteForceAlerts(List<Transaction> all) {
    Map<String, List<Transaction>> byUser = new TreeMap<>();
    all.forEach(t -> byUser.computeIfAbsent(t.user(), u -> new ArrayList<>()).add(t));
    List<String> alerts = new ArrayList<>();
    for (Transaction t : all) {
      if (t.amountCents() > 500_000) {
        alerts.add(new FraudAlert(Rule.LARGE_AMOUNT, List.of(t)).describe());
      }
    }
    Comparator<Transaction> order = Comparator.comparingLong(Transaction::eventTimeMillis)
        .thenComparing(Transaction::location).thenComparingLong(Transaction::amountCents);
    for (List<Transaction> history : byUser.values()) {
      history.sort(order);
      for (int i = 0; i < history.size(); i++) {
        Transaction t = history.get(i);
        List<Transaction> lastMinute = withinOneMinute(history, i);
        if (lastMinute.size() > 3 && (i == 0 || withinOneMinute(history, i - 1).size() <= 3)) {
          alerts.add(new FraudAlert(Rule.HIGH_VELOCITY, lastMinute).describe());
        }
        if (i > 0) {
          Transaction previous = history.get(i - 1);
          long gap = t.eventTimeMillis() - previous.eventTimeMillis();
          if (gap < Duration.ofMinutes(10).toMillis() && !previous.location().equals(t.location())) {
            alerts.add(new FraudAlert(Rule.GEO_DRIFT, List.of(previous, t)).describe());
          }
        }
      }
    }
    return alerts;
  }

  /** The transactions up to and including {@code history.get(i)} less than a minute before it. */
  private static List<Transaction> withinOneMinute(List<Transaction> history, int i) {
    long time = history.get(i).eventTimeMillis();
    return history.subList(0, i + 1).stream()
        .filter(t -> time - t.eventTimeMillis() < 60_000)
        .collect(Collectors.toList());
  }
}
