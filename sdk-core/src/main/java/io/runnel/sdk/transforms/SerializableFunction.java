package io.runnel.sdk.transforms;

/** A function that can be serialized with the pipeline. Should be stateless and side-effect free. */
@FunctionalInterface
public interface SerializableFunction<InputT, OutputT> extends ProcessFunction<InputT, OutputT> {
  @Override
  OutputT apply(InputT input);
}
