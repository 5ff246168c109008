package io.runnel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.portable.PipelineTranslation;
import io.runnel.sdk.portable.proto.PTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Pipeline original = WordCount.buildPipeline(wordCountOptions(dir.resolve("a/counts")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains("ReadLines", "CountWords", "WriteCounts");
  }

  @Test
  void rebuiltWordCountWritesTheSameCounts() throws IOException {
    Pipeline original = WordCount.buildPipeline(wordCountOptions(dir.resolve("original/counts")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    WordCount.WordCountOptions rebuiltOptions = wordCountOptions(dir.resolve("original/counts"));

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).isNotEmpty();
    assertThat(readAll(dir.resolve("original"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void leaderboardRoundTripsToAnIdenticalGraph() {
    Pipeline original = LeaderboardStyle.buildPipeline(leaderboardOptions(dir.resolve("a/scores")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains("GenerateEvents", "CalculateUserScores", "CalculateTeamScores", "WriteUserTotals",
            "WriteTeamTotals");
  }

  @Test
  void rebuiltLeaderboardWritesTheSameTotals() throws IOException {
    Pipeline original = LeaderboardStyle.buildPipeline(leaderboardOptions(dir.resolve("original/scores")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    LeaderboardStyle.LeaderboardOptions rebuiltOptions = leaderboardOptions(dir.resolve("original/scores"));

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(readAll(dir.resolve("original"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void fraudRulesRoundTripToAnIdenticalGraph() {
    Pipeline original = FraudRules.buildPipeline(fraudOptions(dir.resolve("a/alerts")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains("GenerateTransactions", "DetectFraud", "WriteAlerts");
  }

  @Test
  void rebuiltFraudRulesWriteTheSameAlerts() throws IOException {
    Pipeline original = FraudRules.buildPipeline(fraudOptions(dir.resolve("original/alerts")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    FraudRules.FraudOptions rebuiltOptions = fraudOptions(dir.resolve("original/alerts"));

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(readAll(dir.resolve("original"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void riskEngineRoundTripsToAnIdenticalGraph() {
    Pipeline original = RiskEngine.buildPipeline(riskOptions(dir.resolve("a/levels")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains("GenerateLogins", "RateLogins", "WriteLevels");
  }

  @Test
  void rebuiltRiskEngineWritesTheSameLevels() throws IOException {
    Pipeline original = RiskEngine.buildPipeline(riskOptions(dir.resolve("original/levels")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    RiskEngine.RiskOptions rebuiltOptions = riskOptions(dir.resolve("original/levels"));

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(readAll(dir.resolve("original"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void locationTrackingRoundTripsToAnIdenticalGraph() {
    Pipeline original = LocationTracking.buildPipeline(trackingOptions(dir.resolve("a/reports")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains("GenerateRoute", "GeneratePings", "TrackAgents", "WriteReports");
  }

  @Test
  void rebuiltLocationTrackingWritesTheSameReports() throws IOException {
    Pipeline original = LocationTracking.buildPipeline(trackingOptions(dir.resolve("original/reports")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    LocationTracking.LocationTrackingOptions rebuiltOptions = trackingOptions(dir.resolve("original/reports"));

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(readAll(dir.resolve("original"))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void loginFailurePatternRoundTripsToAnIdenticalGraph() {
    Pipeline original = LoginFailurePattern.buildPipeline(loginOptions(dir.resolve("a/bursts")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);

    Pipeline rebuilt = PipelineTranslation.fromProto(proto, original.getOptions());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(proto.getComponents().getTransformsMap().values())
        .extracting(PTransform::getUniqueName)
        .contains("GenerateEvents", "DetectBursts", "WriteAlerts");
  }

  @Test
  void rebuiltLoginFailurePatternWritesTheSameAlerts() throws IOException {
    Pipeline original = LoginFailurePattern.buildPipeline(loginOptions(dir.resolve("original/bursts")));
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(original);
    LoginFailurePattern.LoginFailureOptions rebuiltOptions = loginOptions(dir.resolve("original/bursts"));

    original.run().waitUntilFinish();
    List<String> expected = readAll(dir.resolve("original"));
    deleteAll(dir.resolve("original"));
    PipelineTranslation.fromProto(proto, rebuiltOptions).run().waitUntilFinish();

    assertThat(expected).hasSizeGreaterThan(10);
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
