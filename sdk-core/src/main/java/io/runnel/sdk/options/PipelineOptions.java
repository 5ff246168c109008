package io.runnel.sdk.options;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The options of a pipeline run, as typed properties: each option is a getter/setter pair on an
 * interface extending this one, and {@link PipelineOptionsFactory} implements those interfaces.
 *
 * <pre>{@code
 * public interface WordCountOptions extends PipelineOptions {
 *   @Description("Path of the file to read from")
 *   @Validation.Required
 *   String getInputFile();
 *   void setInputFile(String value);
 * }
 *
 * WordCountOptions options =
 *     PipelineOptionsFactory.fromArgs(args).withValidation().as(WordCountOptions.class);
 * }</pre>
 *
 * <p>All views of one options object (see {@link #as}) share their values. Options objects are
 * {@link java.io.Serializable}: they travel with a serialized pipeline as the string form of the
 * values that were set (see {@link PipelineOptionsFactory#toMap}). They are safe to read and write
 * from several threads, though they are normally configured by one thread before the pipeline
 * runs.
 */
public interface PipelineOptions {

  /**
   * These options seen through another options interface. The view shares values with this
   * object and with every other view: a value set through one is read through all. Asking twice
   * for the same interface returns the same view.
   *
   * @param kls the interface to view through; registered on the fly if it was not yet
   * @throws IllegalArgumentException if {@code kls} is not a well-formed options interface
   */
  <T extends PipelineOptions> T as(Class<T> kls);

  /**
   * The name of the runner that executes the pipeline. Runners are looked up by this name
   * through {@link java.util.ServiceLoader}; the options only store it.
   */
  @Description("Name of the runner that executes the pipeline, e.g. direct or distributed.")
  @Default.String("direct")
  String getRunner();

  void setRunner(String runner);

  /**
   * The name of this pipeline run, used in logs and by a runner's monitoring. Defaults to a name
   * generated once per options object by {@link JobNameFactory}.
   */
  @Description("Name of the pipeline run. Defaults to runnel-<user>-<yyyyMMddHHmmss>-<random>.")
  @Default.InstanceFactory(JobNameFactory.class)
  String getJobName();

  void setJobName(String jobName);

  /**
   * What applying a transform under a name its composite already holds does, as Beam's option of
   * this name: {@link CheckEnabled#WARNING} (the default, as in Beam) renames it with the first
   * free numeric suffix ({@code ParDo(Upper)2}) and logs a warning; {@link CheckEnabled#OFF}
   * renames it silently; {@link CheckEnabled#ERROR} fails, naming the transform. Names that move
   * with the order of {@code apply} calls cannot be matched across versions of a pipeline (for a
   * runner that restores state by step name), which is why ERROR is offered.
   */
  @Description("What to do when a transform is applied under a name already used in its"
      + " composite: WARNING (the default, as in Beam: add a numeric suffix and log it), OFF (add"
      + " the suffix silently) or ERROR (fail).")
  @Default.Enum("WARNING")
  CheckEnabled getStableUniqueNames();

  void setStableUniqueNames(CheckEnabled value);

  /** The levels of a check that can be off, warn, or fail (Beam's {@code CheckEnabled}). */
  enum CheckEnabled {
    OFF,
    WARNING,
    ERROR
  }

  /**
   * Generates a job name {@code runnel-<user>-<yyyyMMddHHmmss>-<4 hex digits>}: the user name
   * (system property {@code user.name}) lower-cased with anything but letters and digits turned
   * into {@code -}, the UTC time, and a random suffix so two runs in the same second differ.
   */
  final class JobNameFactory implements DefaultValueFactory<String> {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Override
    public String create(PipelineOptions options) {
      String user = System.getProperty("user.name", "user").toLowerCase(Locale.ROOT);
      String safeUser = user.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      String timestamp = LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
      String suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
      return "runnel-" + (safeUser.isEmpty() ? "user" : safeUser) + "-" + timestamp + "-" + suffix;
    }
  }
}
