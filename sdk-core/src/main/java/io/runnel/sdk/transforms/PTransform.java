package io.runnel.sdk.transforms;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.values.PInput;
import io.runnel.sdk.values.POutput;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import java.io.Serializable;
import java.util.Map;

/**
 * An operation from an input ({@code PCollection}, tuple, list or {@code PBegin}) to an output.
 * Composite transforms implement {@link #expand} by applying other transforms; primitives are the
 * few transforms runners execute directly. Transforms are immutable configuration values.
 */
public abstract class PTransform<InputT extends PInput, OutputT extends POutput>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The name given at construction, or null to use {@link #getKindString()}. */
  protected final transient String name;

  protected PTransform() {
    this(null);
  }

  protected PTransform(String name) {
    this.name = name;
  }

  /** Builds this transform's part of the graph; called once, by the pipeline, on apply. */
  public abstract OutputT expand(InputT input);

  /** Checks the configuration against the options at apply time; throws to reject it. */
  public void validate(PipelineOptions options) {}

  /** The values this transform reads besides its main input, such as side inputs. */
  public Map<TupleTag<?>, PValue> getAdditionalInputs() {
    return Map.of();
  }

  /** The default name of an application of this transform. */
  public String getName() {
    return name != null ? name : getKindString();
  }

  /** A short description of the kind of transform, e.g. "ParDo(ExtractWords)". */
  protected String getKindString() {
    Class<?> kls = getClass();
    if (kls.isAnonymousClass()) {
      return "AnonymousTransform";
    }
    String simple = kls.getSimpleName();
    Class<?> enclosing = kls.getEnclosingClass();
    return enclosing != null && simple.isEmpty() ? enclosing.getSimpleName() : simple;
  }

  @Override
  public String toString() {
    return getName();
  }

  /** A transform from a function, for quick composites: {@code PTransform.compose(in -> ...)}. */
  public static <InputT extends PInput, OutputT extends POutput> PTransform<InputT, OutputT> compose(
      SerializableFunction<InputT, OutputT> fn) {
    return compose("Composite", fn);
  }

  /** A named transform from a function. */
  public static <InputT extends PInput, OutputT extends POutput> PTransform<InputT, OutputT> compose(
      String name, SerializableFunction<InputT, OutputT> fn) {
    return new PTransform<InputT, OutputT>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      public OutputT expand(InputT input) {
        return fn.apply(input);
      }
    };
  }
}
