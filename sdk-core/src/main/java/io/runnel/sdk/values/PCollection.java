package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.windowing.WindowingStrategy;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, possibly unbounded, bag of elements of type {@code T}, each with a timestamp and
 * windows. Built by applying transforms; read only by runners. Not thread-safe: a pipeline is
 * built by one thread.
 */
public class PCollection<T> implements PValue {
  /** Whether a collection has a finite number of elements. */
  public enum IsBounded {
    BOUNDED,
    UNBOUNDED;

    /** UNBOUNDED if either is. */
    public IsBounded and(IsBounded other) {
      return this == BOUNDED && other == BOUNDED ? BOUNDED : UNBOUNDED;
    }
  }

  private final Pipeline pipeline;
  private final TupleTag<T> tag;
  private String name;
  private Coder<T> coder;
  private TypeDescriptor<T> typeDescriptor;
  private WindowingStrategy<?, ?> windowingStrategy;
  private IsBounded isBounded;
  private String producerName;
  private boolean finishedSpecifying;
  /** The element type with type variables of the producing function's input, and that input. */
  private TypeDescriptor<T> typeFromInput;
  private TypeDescriptor<?> inputType;
  private PCollection<?> input;

  private PCollection(Pipeline pipeline, WindowingStrategy<?, ?> windowingStrategy,
      IsBounded isBounded, Coder<T> coder) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.windowingStrategy = Objects.requireNonNull(windowingStrategy, "windowingStrategy");
    this.isBounded = Objects.requireNonNull(isBounded, "isBounded");
    this.coder = coder;
    this.tag = new TupleTag<>();
  }

  /**
   * For primitive transforms only: a new output collection. Composite transforms return the
   * outputs of the transforms they apply.
   */
  public static <T> PCollection<T> createPrimitiveOutputInternal(Pipeline pipeline,
      WindowingStrategy<?, ?> windowingStrategy, IsBounded isBounded, Coder<T> coder) {
    return new PCollection<>(pipeline, windowingStrategy, isBounded, coder);
  }

  /** Applies {@code transform} to this collection, named by the transform's default name. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PCollection<T>, OutputT> transform) {
    return pipeline.applyTransform(this, transform);
  }

  /** Applies {@code transform} to this collection under {@code name}, unique among siblings. */
  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<? super PCollection<T>, OutputT> transform) {
    return pipeline.applyTransform(name, this, transform);
  }

  @Override
  public String getName() {
    return name;
  }

  /** Sets the display name; must be called before the collection is used. */
  public PCollection<T> setName(String name) {
    checkNotFinished("setName");
    this.name = name;
    return this;
  }

  /**
   * The coder of the elements: the one set with {@link #setCoder}, else one inferred from the
   * element type. Fixed once the collection is used as an input.
   *
   * @throws IllegalStateException naming this collection, its type and the fix, when none can be
   *     inferred
   */
  public Coder<T> getCoder() {
    if (coder == null) {
      coder = inferCoder();
    }
    return coder;
  }

  /** Whether a coder is set or can be inferred. */
  public boolean hasCoder() {
    try {
      getCoder();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Sets the coder of the elements, overriding inference. */
  public PCollection<T> setCoder(Coder<T> coder) {
    checkNotFinished("setCoder");
    this.coder = Objects.requireNonNull(coder, "coder");
    return this;
  }

  /** The element type, when the producing transform knows it. */
  public TypeDescriptor<T> getTypeDescriptor() {
    return typeDescriptor;
  }

  /** For transforms: records the element type for coder inference. */
  public PCollection<T> setTypeDescriptor(TypeDescriptor<T> typeDescriptor) {
    this.typeDescriptor = typeDescriptor;
    return this;
  }

  /**
   * For transforms: the element type is {@code type}, whose type variables are those of {@code
   * inputType}, the producing function's input type, so the coder is inferred from {@code
   * input}'s coder (a generic {@code DoFn<T, KV<T, T>>}: see {@code CoderRegistry.getCoder(type,
   * inputType, inputCoder)}). Used only when no resolved type was recorded.
   */
  public PCollection<T> setTypeDescriptorFromInputInternal(TypeDescriptor<T> type,
      TypeDescriptor<?> inputType, PCollection<?> input) {
    this.typeFromInput = Objects.requireNonNull(type, "type");
    this.inputType = Objects.requireNonNull(inputType, "inputType");
    this.input = Objects.requireNonNull(input, "input");
    return this;
  }

  public WindowingStrategy<?, ?> getWindowingStrategy() {
    return windowingStrategy;
  }

  /** For transforms: sets the windowing strategy of a newly produced collection. */
  public PCollection<T> setWindowingStrategyInternal(WindowingStrategy<?, ?> strategy) {
    checkNotFinished("setWindowingStrategyInternal");
    this.windowingStrategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  public IsBounded isBounded() {
    return isBounded;
  }

  /** For transforms: sets whether the collection is bounded. */
  public PCollection<T> setIsBoundedInternal(IsBounded isBounded) {
    this.isBounded = Objects.requireNonNull(isBounded, "isBounded");
    return this;
  }

  /** The tag that identifies this collection in its producer's outputs. */
  public TupleTag<T> getTagInternal() {
    return tag;
  }

  /** For the pipeline: names this collection after its producing transform. */
  public void recordProducerInternal(String producerFullName, String defaultName) {
    this.producerName = producerFullName;
    if (name == null) {
      name = defaultName;
    }
  }

  /**
   * For the pipeline: the collection is now an input of a transform, so its coder and
   * windowing can no longer change. Infers the coder if none was set.
   */
  public void finishSpecifyingInternal() {
    if (!finishedSpecifying) {
      getCoder();
      finishedSpecifying = true;
    }
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(tag, this);
  }

  @Override
  public String toString() {
    return "PCollection '" + name + "'";
  }

  private void checkNotFinished(String call) {
    if (finishedSpecifying) {
      throw new IllegalStateException(call + " on " + this
          + " after it was used as the input of a transform; call it right after the collection"
          + " is produced, before applying transforms to it");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Coder<T> inferCoder() {
    String where = this + (producerName == null ? "" : " (produced by '" + producerName + "')");
    if (typeDescriptor == null && typeFromInput != null) {
      try {
        return pipeline.getCoderRegistry().getCoder(typeFromInput, (TypeDescriptor) inputType,
            (Coder) input.getCoder());
      } catch (CannotProvideCoderException e) {
        throw new IllegalStateException("Unable to infer a coder for " + where + " of type "
            + typeFromInput + ": " + e.getMessage() + ". Fix: call .setCoder(...) on it.", e);
      }
    }
    if (typeDescriptor == null) {
      throw new IllegalStateException("Unable to infer a coder for " + where
          + ": its element type is unknown. Fix: call .setCoder(...) on it, or give the"
          + " producing transform its output type (e.g. MapElements.into(TypeDescriptors.strings())).");
    }
    try {
      return pipeline.getCoderRegistry().getCoder(typeDescriptor);
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("Unable to infer a coder for " + where + " of type "
          + typeDescriptor + ": " + e.getMessage() + ". Fix: call .setCoder(...) on it, or register"
          + " a coder for the type with pipeline.getCoderRegistry().registerCoderForClass(...).", e);
    }
  }
}
