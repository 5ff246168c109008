package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import java.util.Map;

/** The input of a transform: a value, several values, or {@link PBegin}. */
public interface PInput {
  /** The pipeline this input belongs to. */
  Pipeline getPipeline();

  /** The {@link PValue}s this input consists of, by tag. */
  Map<TupleTag<?>, PValue> expand();
}
