package io.runnel.sdk.transforms;

import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptor;

/**
 * Applies a function to each element: {@code MapElements.into(TypeDescriptors.strings()).via(x
 * -> x.toString())}, or {@code MapElements.via(new SimpleFunction<A, B>() {...})}. The output
 * type given by {@code into} (or carried by the {@link SimpleFunction}) is used to infer the
 * output coder.
 */
public final class MapElements<InputT, OutputT>
    extends PTransform<PCollection<? extends InputT>, PCollection<OutputT>> {
  private static final long serialVersionUID = 1L;
  private final ProcessFunction<InputT, OutputT> fn;
  private final transient TypeDescriptor<OutputT> outputType;

  private MapElements(ProcessFunction<InputT, OutputT> fn, TypeDescriptor<OutputT> outputType) {
    this.fn = fn;
    this.outputType = outputType;
  }

  /** Starts a {@code MapElements} whose output type is {@code outputType}; finish with {@code via}. */
  public static <OutputT> MapElements<?, OutputT> into(TypeDescriptor<OutputT> outputType) {
    return new MapElements<>(null, outputType);
  }

  /** A {@code MapElements} of {@code fn}, whose subclass carries the output type. */
  public static <InputT, OutputT> MapElements<InputT, OutputT> via(SimpleFunction<InputT, OutputT> fn) {
    return new MapElements<>(fn, fn.getOutputTypeDescriptor());
  }

  /** A {@code MapElements} of {@code fn}, which may throw; its subclass carries the output type. */
  public static <InputT, OutputT> MapElements<InputT, OutputT> via(
      InferableFunction<InputT, OutputT> fn) {
    return new MapElements<>(fn, fn.getOutputTypeDescriptor());
  }

  /** This transform applying {@code newFn}, which may throw. */
  public <NewInputT> MapElements<NewInputT, OutputT> via(ProcessFunction<NewInputT, OutputT> newFn) {
    return new MapElements<>(newFn, outputType);
  }

  /** This transform applying {@code newFn}. */
  public <NewInputT> MapElements<NewInputT, OutputT> via(SerializableFunction<NewInputT, OutputT> newFn) {
    return new MapElements<>(newFn, outputType);
  }

  @Override
  public PCollection<OutputT> expand(PCollection<? extends InputT> input) {
    if (fn == null) {
      throw new IllegalStateException("MapElements.into(...) needs a function: add .via(fn)");
    }
    PCollection<OutputT> output = input.apply("Map", ParDo.of(new MapFn<InputT, OutputT>(fn)));
    if (outputType != null && !outputType.hasUnresolvedParameters()) {
      output.setTypeDescriptor(outputType);
    } else if (outputType != null && fn instanceof InferableFunction<?, ?> inferable) {
      // A generic InferableFunction<T, ...>: T is bound by the input's coder.
      output.setTypeDescriptorFromInputInternal(outputType, inferable.getInputTypeDescriptor(), input);
    }
    return output;
  }

  @Override
  protected String getKindString() {
    return "MapElements";
  }

  private static final class MapFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
    private static final long serialVersionUID = 1L;
    private final ProcessFunction<InputT, OutputT> fn;

    MapFn(ProcessFunction<InputT, OutputT> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element InputT element, OutputReceiver<OutputT> out) throws Exception {
      out.output(fn.apply(element));
    }
  }
}
