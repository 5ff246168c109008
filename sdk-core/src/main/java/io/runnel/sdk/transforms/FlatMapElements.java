package io.runnel.sdk.transforms;

import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptor;
import java.lang.reflect.ParameterizedType;

/**
 * Applies a function returning an {@code Iterable} to each element and outputs every item:
 * {@code FlatMapElements.into(TypeDescriptors.strings()).via(line -> List.of(line.split(" ")))}.
 */
public final class FlatMapElements<InputT, OutputT>
    extends PTransform<PCollection<? extends InputT>, PCollection<OutputT>> {
  private static final long serialVersionUID = 1L;
  private final ProcessFunction<InputT, ? extends Iterable<OutputT>> fn;
  private final transient TypeDescriptor<OutputT> outputType;

  private FlatMapElements(
      ProcessFunction<InputT, ? extends Iterable<OutputT>> fn, TypeDescriptor<OutputT> outputType) {
    this.fn = fn;
    this.outputType = outputType;
  }

  /** Starts a {@code FlatMapElements} whose output element type is {@code outputType}. */
  public static <OutputT> FlatMapElements<?, OutputT> into(TypeDescriptor<OutputT> outputType) {
    return new FlatMapElements<>(null, outputType);
  }

  /** A {@code FlatMapElements} of {@code fn}, whose subclass carries the types. */
  public static <InputT, OutputT> FlatMapElements<InputT, OutputT> via(
      SimpleFunction<InputT, ? extends Iterable<OutputT>> fn) {
    return via((InferableFunction<InputT, ? extends Iterable<OutputT>>) fn);
  }

  /** A {@code FlatMapElements} of {@code fn}, which may throw; its subclass carries the types. */
  public static <InputT, OutputT> FlatMapElements<InputT, OutputT> via(
      InferableFunction<InputT, ? extends Iterable<OutputT>> fn) {
    TypeDescriptor<OutputT> element = null;
    if (fn.getOutputTypeDescriptor().getType() instanceof ParameterizedType iterable
        && iterable.getRawType() instanceof Class<?> raw && Iterable.class.isAssignableFrom(raw)) {
      @SuppressWarnings("unchecked")
      TypeDescriptor<OutputT> resolved =
          (TypeDescriptor<OutputT>) TypeDescriptor.of(iterable.getActualTypeArguments()[0]);
      element = resolved;
    }
    return new FlatMapElements<>(fn, element);
  }

  /** This transform applying {@code newFn}, which may throw. */
  public <NewInputT> FlatMapElements<NewInputT, OutputT> via(
      ProcessFunction<NewInputT, ? extends Iterable<OutputT>> newFn) {
    return new FlatMapElements<>(newFn, outputType);
  }

  /** This transform applying {@code newFn}. */
  public <NewInputT> FlatMapElements<NewInputT, OutputT> via(
      SerializableFunction<NewInputT, ? extends Iterable<OutputT>> newFn) {
    return new FlatMapElements<>(newFn, outputType);
  }

  @Override
  public PCollection<OutputT> expand(PCollection<? extends InputT> input) {
    if (fn == null) {
      throw new IllegalStateException("FlatMapElements.into(...) needs a function: add .via(fn)");
    }
    PCollection<OutputT> output = input.apply("FlatMap", ParDo.of(new FlatMapFn<InputT, OutputT>(fn)));
    if (outputType != null && !outputType.hasUnresolvedParameters()) {
      output.setTypeDescriptor(outputType);
    } else if (outputType != null && fn instanceof InferableFunction<?, ?> inferable) {
      // A generic InferableFunction<T, Iterable<...>>: T is bound by the input's coder.
      output.setTypeDescriptorFromInputInternal(outputType, inferable.getInputTypeDescriptor(), input);
    }
    return output;
  }

  @Override
  protected String getKindString() {
    return "FlatMapElements";
  }

  private static final class FlatMapFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
    private static final long serialVersionUID = 1L;
    private final ProcessFunction<InputT, ? extends Iterable<OutputT>> fn;

    FlatMapFn(ProcessFunction<InputT, ? extends Iterable<OutputT>> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element InputT element, OutputReceiver<OutputT> out) throws Exception {
      for (OutputT item : fn.apply(element)) {
        out.output(item);
      }
    }
  }
}
