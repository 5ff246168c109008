package io.runnel.runners.core;

import io.runnel.sdk.values.TupleTag;

/** Where a {@link DoFnRunner} sends outputs, by output tag. Called on the runner's thread. */
public interface OutputManager {
  <T> void output(TupleTag<T> tag, WindowedValue<T> output);
}
