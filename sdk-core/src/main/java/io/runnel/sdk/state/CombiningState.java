package io.runnel.sdk.state;

/**
 * Inputs combined with a {@code Combine.CombineFn} as they are added; only the accumulator is
 * stored. {@link #read} extracts the output of the current accumulator (of an empty
 * accumulator when nothing was added).
 *
 * @param <InputT> the type added
 * @param <AccumT> the accumulator type, stored with the spec's accumulator coder
 * @param <OutputT> the type read
 */
public interface CombiningState<InputT, AccumT, OutputT> extends GroupingState<InputT, OutputT> {
  /** The current accumulator (a new, empty one when nothing was added); do not mutate it. */
  AccumT getAccum();

  /** Merges {@code accum} into the stored accumulator. */
  void addAccum(AccumT accum);

  /** Merges {@code accumulators} with the combine function, without touching the state. */
  AccumT mergeAccumulators(Iterable<AccumT> accumulators);

  @Override
  CombiningState<InputT, AccumT, OutputT> readLater();
}
