package io.runnel.sdk.portable;

import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PInput;
import io.runnel.sdk.values.POutput;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stands for a composite transform in a pipeline rebuilt from its portable form: the node keeps
 * its name, inputs, outputs and parts, and this transform keeps the composite's original spec, so
 * translating the rebuilt pipeline gives the same proto. It is never expanded: its parts were
 * rebuilt from their own protos. {@link #getOriginalTransform()} recovers the Java transform when
 * it was serializable (fields marked {@code transient} are lost). Immutable; thread-safe.
 */
public final class RehydratedComposite extends PTransform<PInput, POutput> {
  private static final long serialVersionUID = 1L;

  private final FunctionSpec spec;
  private final transient Map<TupleTag<?>, PValue> additionalInputs;

  RehydratedComposite(FunctionSpec spec, Map<TupleTag<?>, PValue> additionalInputs) {
    this.spec = spec;
    this.additionalInputs = Collections.unmodifiableMap(new LinkedHashMap<>(additionalInputs));
  }

  /** The composite's spec as it was read: its URN and payload. */
  public FunctionSpec getSpec() {
    return spec;
  }

  /**
   * The original transform, deserialized from the spec's payload.
   *
   * @throws IllegalArgumentException if the original was not serializable (empty payload) or its
   *     classes are missing
   */
  public PTransform<?, ?> getOriginalTransform() {
    if (spec.getPayload().isEmpty()) {
      throw new IllegalArgumentException("The original of this composite was not serializable,"
          + " so only its parts were kept");
    }
    Object original = JavaSerialization.deserialize(spec.getPayload().toByteArray(), "composite");
    if (!(original instanceof PTransform<?, ?> transform)) {
      throw new IllegalArgumentException("The composite's payload is a "
          + original.getClass().getName() + ", not a PTransform");
    }
    return transform;
  }

  /** Always fails: a rehydrated composite's parts are already in the graph. */
  @Override
  public POutput expand(PInput input) {
    throw new UnsupportedOperationException("A rehydrated composite cannot be applied again;"
        + " apply getOriginalTransform() instead");
  }

  @Override
  public Map<TupleTag<?>, PValue> getAdditionalInputs() {
    return additionalInputs == null ? Map.of() : additionalInputs;
  }
}
