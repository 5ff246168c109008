package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import java.util.Map;

/** The output of a transform: a value, several values, or {@link PDone}. */
public interface POutput {
  /** The pipeline this output belongs to. */
  Pipeline getPipeline();

  /** The {@link PValue}s this output consists of, by tag. */
  Map<TupleTag<?>, PValue> expand();
}
