package io.runnel.sdk.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sdk.options.PipelineOptionsFactory.HelpRequestedException;
import io.runnel.sdk.options.SampleOptions.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineOptionsFactoryTest {

  private static SampleOptions parse(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(SampleOptions.class);
  }

  @Test
  void unsetOptionsReadTheirAnnotatedDefaults() {
    SampleOptions options = parse();

    assertThat(options.getInput()).isEqualTo("in.txt");
    assertThat(options.getParallelism()).isEqualTo(4);
    assertThat(options.isVerbose()).isTrue();
    assertThat(options.getSampleRate()).isEqualTo(0.5);
    assertThat(options.getMode()).isEqualTo(Mode.FAST);
    assertThat(options.getTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unsetOptionsWithoutDefaultReadZeroForPrimitivesAndNullOtherwise() {
    SampleOptions options = parse();

    assertThat(options.getRecordLimit()).isZero();
    assertThat(options.getEnableCache()).isNull();
    assertThat(options.getTags()).isNull();
    assertThat(options.getOutputDir()).isNull();
  }

  @Test
  void runnerDefaultsToDirect() {
    assertThat(PipelineOptionsFactory.create().getRunner()).isEqualTo("direct");
  }

  @Test
  void runnerIsParsedAsAPlainString() {
    assertThat(PipelineOptionsFactory.fromArgs("--runner=distributed").create().getRunner())
        .isEqualTo("distributed");
  }

  @Test
  void parsesEachScalarType() {
    SampleOptions options =
        parse(
            "--input=words.txt",
            "--parallelism=16",
            "--recordLimit=10000000000",
            "--verbose=false",
            "--enableCache=true",
            "--sampleRate=0.25",
            "--mode=SAFE",
            "--timeout=PT5M",
            "--outputDir=/tmp/out");

    assertThat(options.getInput()).isEqualTo("words.txt");
    assertThat(options.getParallelism()).isEqualTo(16);
    assertThat(options.getRecordLimit()).isEqualTo(10_000_000_000L);
    assertThat(options.isVerbose()).isFalse();
    assertThat(options.getEnableCache()).isTrue();
    assertThat(options.getSampleRate()).isEqualTo(0.25);
    assertThat(options.getMode()).isEqualTo(Mode.SAFE);
    assertThat(options.getTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.getOutputDir()).isEqualTo(Path.of("/tmp/out"));
  }

  @Test
  void booleanOptionAloneMeansTrue() {
    assertThat(parse("--enableCache").getEnableCache()).isTrue();
  }

  @Test
  void booleanRejectsValuesOtherThanTrueOrFalse() {
    assertThatThrownBy(() -> parse("--verbose=yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'yes'")
        .hasMessageContaining("--verbose")
        .hasMessageContaining("true or false");
  }

  @Test
  void nonBooleanOptionAloneIsAnErrorShowingTheExpectedForm() {
    assertThatThrownBy(() -> parse("--parallelism"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--parallelism needs a value")
        .hasMessageContaining("--parallelism=<int>");
  }

  @Test
  void durationAcceptsTheShortForm() {
    assertThat(parse("--timeout=1h30m").getTimeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(parse("--timeout=250ms").getTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void badDurationNamesBothAcceptedSyntaxes() {
    assertThatThrownBy(() -> parse("--timeout=5 minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'5 minutes'")
        .hasMessageContaining("--timeout")
        .hasMessageContaining("PT5M")
        .hasMessageContaining("30s");
  }

  @Test
  void badNumberNamesTheOptionTheValueAndTheExpectedType() {
    assertThatThrownBy(() -> parse("--parallelism=many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid value 'many' for option --parallelism: expected int (32-bit integer)."
                + " Fix: pass --parallelism=<int>.");
  }

  @Test
  void listTakesCommaSeparatedValues() {
    assertThat(parse("--tags=a,b,c").getTags()).containsExactly("a", "b", "c");
  }

  @Test
  void listOptionMayBeRepeated() {
    assertThat(parse("--tags=a,b", "--tags=c").getTags()).containsExactly("a", "b", "c");
  }

  @Test
  void listElementsAreConvertedToTheElementType() {
    assertThat(parse("--ports=80,443").getPorts()).containsExactly(80, 443);
  }

  @Test
  void emptyListValueGivesAnEmptyList() {
    assertThat(parse("--tags=").getTags()).isEmpty();
  }

  @Test
  void nonListOptionGivenTwiceIsAnError() {
    assertThatThrownBy(() -> parse("--input=a", "--input=b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--input was given 2 times (a, b)");
  }

  @Test
  void enumAcceptsTheConstantNameInAnyCase() {
    assertThat(parse("--mode=thorough").getMode()).isEqualTo(Mode.THOROUGH);
  }

  @Test
  void badEnumValueListsTheAllowedValues() {
    assertThatThrownBy(() -> parse("--mode=QUICK"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'QUICK'")
        .hasMessageContaining("--mode")
        .hasMessageContaining("[FAST, SAFE, THOROUGH]");
  }

  @Test
  void unknownOptionSuggestsTheClosestKnownName() {
    assertThatThrownBy(() -> parse("--paralelism=3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown option --paralelism. Did you mean --parallelism?");
  }

  @Test
  void unknownOptionFarFromAnyNameSuggestsHelp() {
    assertThatThrownBy(() -> parse("--zzzzzzzzzzzz=3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown option --zzzzzzzzzzzz.")
        .hasMessageNotContaining("Did you mean")
        .hasMessageContaining("--help");
  }

  @Test
  void argumentNotStartingWithDashesIsAnError() {
    assertThatThrownBy(() -> parse("input.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Argument 'input.txt' is not an option")
        .hasMessageContaining("--name=value");
  }

  @Test
  void spaceSeparatedValueIsRejectedWithTheFormThatWorks() {
    assertThatThrownBy(() -> parse("--input", "words.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean '--input=words.txt'?");
  }

  @Test
  void helpThrowsWithAListingOfEveryRegisteredInterface() {
    PipelineOptionsFactory.register(SampleOptions.class);

    HelpRequestedException help =
        catchThrowableOfType(
            () -> PipelineOptionsFactory.fromArgs("--help").create(), HelpRequestedException.class);

    assertThat(help.getHelpText())
        .contains("io.runnel.sdk.options.PipelineOptions:")
        .contains("io.runnel.sdk.options.SampleOptions:")
        .contains("  --runner=<String>")
        .contains("Default: direct")
        .contains("  --parallelism=<int>")
        .contains("Number of worker threads.")
        .contains("Default: 4");
  }

  @Test
  void helpWinsOverOtherwiseInvalidArguments() {
    assertThatThrownBy(() -> PipelineOptionsFactory.fromArgs("--nonsense", "--help").create())
        .isInstanceOf(HelpRequestedException.class);
  }

  @Test
  void helpForOneInterfaceListsItsOptionsWithTypesDefaultsAndEnumValues() {
    HelpRequestedException help =
        catchThrowableOfType(
            () -> PipelineOptionsFactory.fromArgs("--help=SampleOptions").as(SampleOptions.class),
            HelpRequestedException.class);

    assertThat(help.getHelpText())
        .contains("Options of the test pipeline.")
        .contains("  --mode=<FAST|SAFE|THOROUGH>")
        .contains("How hard to check.")
        .contains("Type: one of [FAST, SAFE, THOROUGH]")
        .contains("Default: FAST")
        .contains("--jobName=<String>")
        .contains("Default: computed by io.runnel.sdk.options.PipelineOptions.JobNameFactory")
        .doesNotContain("--discoveredFlag");
  }

  @Test
  void helpLeavesOutHiddenOptions() {
    HelpRequestedException help =
        catchThrowableOfType(
            () -> PipelineOptionsFactory.fromArgs("--help=SampleOptions").as(SampleOptions.class),
            HelpRequestedException.class);

    assertThat(help.getHelpText()).doesNotContain("internalKnob");
  }

  @Test
  void helpForUnknownInterfaceSuggestsTheClosestName() {
    PipelineOptionsFactory.register(SampleOptions.class);

    assertThatThrownBy(() -> PipelineOptionsFactory.fromArgs("--help=SampleOption").create())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--help=SampleOption names no registered options interface")
        .hasMessageContaining("Did you mean SampleOptions?");
  }

  @Test
  void printHelpWritesTheListingToTheGivenStream() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PipelineOptionsFactory.printHelp(new PrintStream(bytes, true, StandardCharsets.UTF_8), RequiredOptions.class);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("io.runnel.sdk.options.RequiredOptions:")
        .contains("  --inputFile=<String>  (required)")
        .contains("Path of the file to read from.");
  }

  @Test
  void missingRequiredOptionNamesItAndItsDescription() {
    assertThatThrownBy(
            () -> PipelineOptionsFactory.fromArgs().withValidation().as(RequiredOptions.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing required option of io.runnel.sdk.options.RequiredOptions")
        .hasMessageContaining("--inputFile=<String> (Path of the file to read from.)")
        .hasMessageNotContaining("--shards");
  }

  @Test
  void requiredOptionIsNotCheckedWithoutValidation() {
    assertThat(PipelineOptionsFactory.fromArgs().as(RequiredOptions.class).getInputFile()).isNull();
  }

  @Test
  void requiredOptionGivenPassesValidation() {
    RequiredOptions options =
        PipelineOptionsFactory.fromArgs("--inputFile=a.txt").withValidation().as(RequiredOptions.class);

    assertThat(options.getInputFile()).isEqualTo("a.txt");
  }

  @Test
  void registrarInterfacesAreDiscoveredThroughServiceLoader() {
    assertThat(PipelineOptionsFactory.getRegisteredOptions()).contains(DiscoveredOptions.class);
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--discoveredFlag").create();

    assertThat(options.as(DiscoveredOptions.class).isDiscoveredFlag()).isTrue();
  }

  /** Declares {@code parallelism} as a String where {@link SampleOptions} has an int. */
  public interface ConflictingOptions extends PipelineOptions {
    String getParallelism();

    void setParallelism(String value);
  }

  @Test
  void optionDeclaredWithAnotherTypeByAnotherInterfaceIsRejected() {
    PipelineOptionsFactory.register(SampleOptions.class);

    assertThatThrownBy(() -> PipelineOptionsFactory.register(ConflictingOptions.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Option --parallelism is declared as java.lang.String")
        .hasMessageContaining("ConflictingOptions.getParallelism()")
        .hasMessageContaining("SampleOptions.getParallelism()");
    assertThat(PipelineOptionsFactory.getRegisteredOptions()).doesNotContain(ConflictingOptions.class);
  }
}
