package io.runnel.sdk.options;

/** Options with a required option, for tests. */
public interface RequiredOptions extends PipelineOptions {
  @Description("Path of the file to read from.")
  @Validation.Required
  String getInputFile();

  void setInputFile(String value);

  @Validation.Required
  @Default.Integer(2)
  int getShards();

  void setShards(int value);
}
