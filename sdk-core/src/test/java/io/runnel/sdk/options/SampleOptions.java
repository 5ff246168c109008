package io.runnel.sdk.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An options interface with one option of each supported kind, for tests. */
@Description("Options of the test pipeline.")
public interface SampleOptions extends PipelineOptions {
  enum Mode {
    FAST,
    SAFE,
    THOROUGH
  }

  @Description("File to read.")
  @Default.String("in.txt")
  String getInput();

  void setInput(String value);

  @Description("Number of worker threads.")
  @Default.Integer(4)
  int getParallelism();

  void setParallelism(int value);

  long getRecordLimit();

  void setRecordLimit(long value);

  @Default.Boolean(true)
  boolean isVerbose();

  void setVerbose(boolean value);

  Boolean getEnableCache();

  void setEnableCache(Boolean value);

  @Default.Double(0.5)
  double getSampleRate();

  void setSampleRate(double value);

  @Description("How hard to check.")
  @Default.Enum("FAST")
  Mode getMode();

  void setMode(Mode value);

  List<String> getTags();

  void setTags(List<String> value);

  List<Integer> getPorts();

  void setPorts(List<Integer> value);

  @Default.String("PT30S")
  Duration getTimeout();

  void setTimeout(Duration value);

  Path getOutputDir();

  void setOutputDir(Path value);

  @Hidden
  String getInternalKnob();

  void setInternalKnob(String value);

  /** A computed value, not an option. */
  default String describeInput() {
    return "reading " + getInput();
  }
}
