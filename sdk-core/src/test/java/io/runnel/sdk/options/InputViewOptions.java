package io.runnel.sdk.options;

/** Declares the {@code input} option again, to test that views share values. */
public interface InputViewOptions extends PipelineOptions {
  String getInput();

  void setInput(String value);
}
