package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;

/** A value in a pipeline graph: a {@link PCollection} or a {@link PCollectionView}. */
public interface PValue extends PInput, POutput {
  /** The name of this value, unique within its pipeline. */
  String getName();
}
