package io.runnel.sdk.transforms;

import io.runnel.sdk.values.TypeDescriptor;

/**
 * A function whose subclass carries its input and output types, so coders can be inferred:
 * {@code new SimpleFunction<String, Integer>() { public Integer apply(String s) {...} }}.
 */
public abstract class SimpleFunction<InputT, OutputT>
    implements SerializableFunction<InputT, OutputT> {
  private static final long serialVersionUID = 1L;

  @Override
  public abstract OutputT apply(InputT input);

  /** The resolved input type, from the subclass's type arguments. */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<InputT> getInputTypeDescriptor() {
    return (TypeDescriptor<InputT>)
        TypeDescriptor.resolveSupertypeArgument(getClass(), SimpleFunction.class, 0);
  }

  /** The resolved output type, from the subclass's type arguments. */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
    return (TypeDescriptor<OutputT>)
        TypeDescriptor.resolveSupertypeArgument(getClass(), SimpleFunction.class, 1);
  }
}
