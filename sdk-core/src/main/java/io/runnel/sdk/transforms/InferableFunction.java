package io.runnel.sdk.transforms;

import io.runnel.sdk.values.TypeDescriptor;

/**
 * A function that may throw and whose subclass carries its input and output types, so coders can
 * be inferred, as Beam's class of this name: {@code new InferableFunction<String, Integer>() {
 * public Integer apply(String s) throws Exception {...} }}. {@link SimpleFunction} is the kind
 * that does not throw. Type variables left open by the subclass ({@code class First<T> extends
 * InferableFunction<List<T>, T>}) are bound by the input's coder where the function is applied.
 */
public abstract class InferableFunction<InputT, OutputT> implements ProcessFunction<InputT, OutputT> {
  private static final long serialVersionUID = 1L;

  @Override
  public abstract OutputT apply(InputT input) throws Exception;

  /** The input type, from the subclass's type arguments (may have unresolved parts). */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<InputT> getInputTypeDescriptor() {
    return (TypeDescriptor<InputT>)
        TypeDescriptor.resolveSupertypeArgument(getClass(), InferableFunction.class, 0);
  }

  /** The output type, from the subclass's type arguments (may have unresolved parts). */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
    return (TypeDescriptor<OutputT>)
        TypeDescriptor.resolveSupertypeArgument(getClass(), InferableFunction.class, 1);
  }
}
