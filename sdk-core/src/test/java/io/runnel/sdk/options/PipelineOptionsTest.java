package io.runnel.sdk.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.options.SampleOptions.Mode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {

  @Test
  void viewsShareValuesAcrossInterfaces() {
    SampleOptions sample = PipelineOptionsFactory.as(SampleOptions.class);
    InputViewOptions view = sample.as(InputViewOptions.class);

    view.setInput("through-view.txt");

    assertThat(sample.getInput()).isEqualTo("through-view.txt");
  }

  @Test
  void valueSetBeforeAViewIsCreatedIsSeenThroughIt() {
    SampleOptions sample = PipelineOptionsFactory.fromArgs("--parallelism=9").as(SampleOptions.class);

    assertThat(sample.as(PipelineOptions.class).as(SampleOptions.class).getParallelism()).isEqualTo(9);
  }

  @Test
  void askingTwiceForAViewReturnsTheSameObject() {
    PipelineOptions options = PipelineOptionsFactory.create();

    assertThat(options.as(SampleOptions.class)).isSameAs(options.as(SampleOptions.class));
  }

  @Test
  void setterValueReplacesTheDefault() {
    SampleOptions options = PipelineOptionsFactory.as(SampleOptions.class);

    options.setMode(Mode.THOROUGH);

    assertThat(options.getMode()).isEqualTo(Mode.THOROUGH);
  }

  @Test
  void defaultMethodsRunAsWritten() {
    SampleOptions options = PipelineOptionsFactory.fromArgs("--input=x").as(SampleOptions.class);

    assertThat(options.describeInput()).isEqualTo("reading x");
  }

  @Test
  void jobNameIsGeneratedOnceAndStable() {
    PipelineOptions options = PipelineOptionsFactory.create();

    String first = options.getJobName();

    assertThat(first).matches("runnel-[a-z0-9-]+-\\d{14}-[0-9a-f]{4}");
    assertThat(options.getJobName()).isEqualTo(first);
  }

  @Test
  void toStringShowsTheViewAndTheSetOptions() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=distributed").create();

    assertThat(options.toString()).isEqualTo("PipelineOptions{runner=distributed}");
  }

  @Test
  void mapFormHoldsOnlySetOptionsAsStrings() {
    SampleOptions options =
        PipelineOptionsFactory.fromArgs("--parallelism=8", "--timeout=5m", "--mode=SAFE")
            .as(SampleOptions.class);

    assertThat(PipelineOptionsFactory.toMap(options))
        .isEqualTo(Map.of("mode", "SAFE", "parallelism", "8", "timeout", "PT5M"));
  }

  @Test
  void mapFormRoundTripsEveryType() {
    SampleOptions options = PipelineOptionsFactory.as(SampleOptions.class);
    options.setInput("in");
    options.setRecordLimit(7L);
    options.setVerbose(false);
    options.setEnableCache(true);
    options.setSampleRate(0.125);
    options.setMode(Mode.SAFE);
    options.setTags(List.of("a,b", "", "c"));
    options.setPorts(List.of(1, 2));
    options.setTimeout(Duration.ofMillis(1500));
    options.setOutputDir(java.nio.file.Path.of("out/dir"));

    SampleOptions copy =
        PipelineOptionsFactory.fromMap(PipelineOptionsFactory.toMap(options)).as(SampleOptions.class);

    assertThat(PipelineOptionsFactory.toMap(copy)).isEqualTo(PipelineOptionsFactory.toMap(options));
    assertThat(copy.getTags()).containsExactly("a,b", "", "c");
    assertThat(copy.getPorts()).containsExactly(1, 2);
    assertThat(copy.getTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(copy.isVerbose()).isFalse();
  }

  @Test
  void mapFormKeepsOptionsOfUnregisteredInterfacesAsText() {
    PipelineOptions options =
        PipelineOptionsFactory.fromMap(Map.of("someRunnerOnlyOption", "42", "runner", "distributed"));

    assertThat(options.getRunner()).isEqualTo("distributed");
    assertThat(PipelineOptionsFactory.toMap(options)).containsEntry("someRunnerOnlyOption", "42");
  }

  @Test
  void mapFormWithABadValueNamesTheOption() {
    PipelineOptionsFactory.register(SampleOptions.class);

    assertThatThrownBy(() -> PipelineOptionsFactory.fromMap(Map.of("parallelism", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--parallelism")
        .hasMessageContaining("'lots'");
  }

  @Test
  void computedDefaultTravelsInTheMapForm() {
    PipelineOptions options = PipelineOptionsFactory.create();
    String jobName = options.getJobName();

    assertThat(PipelineOptionsFactory.fromMap(PipelineOptionsFactory.toMap(options)).getJobName())
        .isEqualTo(jobName);
  }

  @Test
  void javaSerializationRoundTripsTheValues() throws Exception {
    SampleOptions options =
        PipelineOptionsFactory.fromArgs("--input=x.txt", "--tags=a,b", "--timeout=2m")
            .as(SampleOptions.class);

    SampleOptions copy = roundTrip(options);

    assertThat(copy).isNotSameAs(options);
    assertThat(copy.getInput()).isEqualTo("x.txt");
    assertThat(copy.getTags()).containsExactly("a", "b");
    assertThat(copy.getTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(copy.getParallelism()).isEqualTo(4);
  }

  @Test
  void viewsSerializedTogetherStillShareValues() throws Exception {
    SampleOptions sample = PipelineOptionsFactory.as(SampleOptions.class);
    List<PipelineOptions> copies = roundTrip(List.of(sample, sample.as(InputViewOptions.class)));
    SampleOptions sampleCopy = (SampleOptions) copies.get(0);
    InputViewOptions viewCopy = (InputViewOptions) copies.get(1);

    viewCopy.setInput("shared");

    assertThat(sampleCopy.getInput()).isEqualTo("shared");
  }

  @Test
  void optionsNotMadeByTheFactoryHaveNoMapForm() {
    PipelineOptions handMade =
        (PipelineOptions)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PipelineOptions.class}, (p, m, a) -> null);

    assertThatThrownBy(() -> PipelineOptionsFactory.toMap(handMade))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was not created by PipelineOptionsFactory");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
