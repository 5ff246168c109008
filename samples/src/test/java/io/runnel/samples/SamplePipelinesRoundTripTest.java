package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.portable.PipelineTranslation;
import io.runnel.sdk.portable.proto.PTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample pipeline survives the portable representation: translated to protos, rebuilt and
 * translated again it gives the identical graph, and the rebuilt pipeline runs to the same
 * output as the original.
 */
class SamplePipelinesRoundTripTest {
  @TempDir Path dir;

  @Test
  void wordCountRoundTripsToAnIdenticalGraph() {
    assertIdenticalGraph(WordCount.buildPipeline(wordCountOptions(dir.resolve("a/counts"))),
        "ReadLines", "CountWords", "WriteCounts");
  }

  @Test
  void rebuiltWordCountWritesTheSameCounts() throws IOException {
    assertRebuiltRunWritesTheSame(
        output -> WordCount.buildPipeline(wordCountOptions(output)), out -> wordCountOptions(out), "counts", 1);
  }

  @Test
  void leaderboardRoundTripsToAnIdenticalGraph() {
    assertIdenticalGraph(LeaderboardStyle.buildPipeline(leaderboardOptions(dir.resolve("a/scores"))),
        "GenerateEvents", "CalculateUserScores", "CalculateTeamScores", "WriteUserTotals", "WriteTeamTotals");
  }

  @Test
  void rebuiltLeaderboardWritesTheSameTotals() throws IOException {
    assertRebuiltRunWritesTheSame(
        output -> LeaderboardStyle.buildPipeline(leaderboardOptions(output)), out -> leaderboardOptions(out), "scores", 21);
  }

  @Test
  void fraudRulesRoundTripsToAnIdenticalGraph() {
    assertIdenticalGraph(FraudRules.buildPipeline(fraudOptions(dir.resolve("a/alerts"))),
        "GenerateTransactions", "DetectFraud", "WriteAlerts");
  }

  @Test
  void rebuiltFraudRulesWritesTheSameAlerts() throws IOException {
    assertRebuiltRunWritesTheSame(
        output -> FraudRules.buildPipeline(fraudOptions(output)), out -> fraudOptions(out), "alerts", 21);
  }

  @Test
  void riskEngineRoundTripsToAnIdenticalGraph() {
    assertIdenticalGraph(RiskEngine.buildPipeline(riskOptions(dir.resolve("a/levels"))),
        "GenerateLogins", "RateLogins", "WriteLevels");
  }

  @Test
  void rebuiltRiskEngineWritesTheSameLevels() throws IOException {
    assertRebuiltRunWritesTheSame(
        output -> RiskEngine.buildPipeline(riskOptions(output)), out -> riskOptions(out), "levels", 21);
  }

  @Test
  void locationTrackingRoundTripsToAnIdenticalGraph() {
    assertIdenticalGraph(LocationTracking.buildPipeline(trackingOptions(dir.resolve("a/reports"))),
        "GenerateRoute", "GeneratePings", "TrackAgents", "WriteReports");
  }

  @Test
  void rebuiltLocationTrackingWritesTheSameReports() throws IOException {
    assertRebuiltRunWritesTheSame(
        output -> LocationTracking.buildPipeline(trackingOptions(output)), out -> trackingOptions(out), "reports", 21);
  }

  @Test
  void loginFailurePatternRoundTripsToAnIdenticalGraph() {
    assertIdenticalGraph(LoginFailurePattern.buildPipeline(loginOptions(dir.resolve("a/bursts"))),
        "GenerateEvents", "DetectBursts", "WriteAlerts");
  }

  @Test
  void rebuiltLoginFailurePatternWritesTheSameAlerts() throws IOException {
    assertRebuiltRunWritesTheSame(
        output -> LoginFailurePattern.buildPipeline(loginOptions(output)), out -> loginOptions(out), "bursts", 11);
  }

  /** Translating, rebuilding and translating again gives the same protos; the names survive. */
  private static void assertIdenticalGraph(Pipeline original, String... transformNames) {
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains(transformNames);
  }

  /**
   * Runs the original pipeline, then the one rebuilt from its protos writing to the same place,
   * and compares their output lines (at least {@code minimumLines} of them).
   */
  private void assertRebuiltRunWritesTheSame(Function<Path, Pipeline> build,
      Function<Path, PipelineOptions> options, String prefix, int minimumLines) throws IOException {
    Path output = dir.resolve("original/" + prefix);
    Pipeline original = build.apply(output);
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    PipelineOptions rebuiltOptions = options.apply(output);

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).hasSizeGreaterThanOrEqualTo(minimumLines);
    assertThat(readAll(dir.resolve("original"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static LocationTracking.LocationTrackingOptions trackingOptions(Path output) {
    return PipelineOptionsFactory.fromArgs("--output=" + output).as(LocationTracking.LocationTrackingOptions.class);
  }

  private static LoginFailurePattern.LoginFailureOptions loginOptions(Path output) {
    return PipelineOptionsFactory.fromArgs("--output=" + output).as(LoginFailurePattern.LoginFailureOptions.class);
  }

  private static FraudRules.FraudOptions fraudOptions(Path output) {
    return PipelineOptionsFactory.fromArgs("--output=" + output).as(FraudRules.FraudOptions.class);
  }

  private static RiskEngine.RiskOptions riskOptions(Path output) {
    return PipelineOptionsFactory.fromArgs("--output=" + output).as(RiskEngine.RiskOptions.class);
  }

  private static LeaderboardStyle.LeaderboardOptions leaderboardOptions(Path output) {
    return PipelineOptionsFactory.fromArgs("--output=" + output, "--teamWindowDuration=30m")
        .as(LeaderboardStyle.LeaderboardOptions.class);
  }

  private static WordCount.WordCountOptions wordCountOptions(Path output) {
    return PipelineOptionsFactory.fromArgs("--output=" + output).as(WordCount.WordCountOptions.class);
  }

  private static List<String> readAll(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }

  private static void deleteAll(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(file);
      }
    }
  }
}
