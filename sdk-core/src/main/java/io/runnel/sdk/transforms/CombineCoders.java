package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.PCollection;

/** Coder inference for {@code CombineFn}s, with errors that name the transform input and the fix. */
final class CombineCoders {
  private CombineCoders() {}

  static <InputT, OutputT> Coder<OutputT> outputCoder(
      Combine.CombineFn<InputT, ?, OutputT> fn, PCollection<?> input, Coder<InputT> inputCoder) {
    try {
      return fn.getDefaultOutputCoder(input.getPipeline().getCoderRegistry(), inputCoder);
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("Unable to infer the output coder of " + fn.getClass().getName()
          + " combining " + input + ": " + e.getMessage(), e);
    }
  }

  static <InputT, AccumT> Coder<AccumT> accumulatorCoder(
      Combine.CombineFn<InputT, AccumT, ?> fn, PCollection<?> input, Coder<InputT> inputCoder) {
    try {
      return fn.getAccumulatorCoder(input.getPipeline().getCoderRegistry(), inputCoder);
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("Unable to infer the accumulator coder of "
          + fn.getClass().getName() + " combining " + input + ": " + e.getMessage(), e);
    }
  }
}
