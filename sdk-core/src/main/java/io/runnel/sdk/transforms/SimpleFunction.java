package io.runnel.sdk.transforms;

/**
 * A function whose subclass carries its input and output types, so coders can be inferred:
 * {@code new SimpleFunction<String, Integer>() { public Integer apply(String s) {...} }}. The
 * {@link InferableFunction} that does not throw, as in Beam.
 */
public abstract class SimpleFunction<InputT, OutputT> extends InferableFunction<InputT, OutputT>
    implements SerializableFunction<InputT, OutputT> {
  private static final long serialVersionUID = 1L;

  @Override
  public abstract OutputT apply(InputT input);
}
