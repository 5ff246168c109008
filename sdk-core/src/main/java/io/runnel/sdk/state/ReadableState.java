package io.runnel.sdk.state;

/**
 * A value that can be read from state. Reads see every write made earlier in the same bundle.
 *
 * @param <T> the type read
 */
public interface ReadableState<T> {
  /**
   * The current value. What an empty state reads as is stated by each kind: null for an unset
   * {@link ValueState}, an empty iterable for a bag, the combined empty accumulator for a
   * {@link CombiningState}. A returned iterable must not be modified and may not reflect later
   * writes.
   */
  T read();

  /**
   * Hints that {@link #read()} will be called soon, so a runner may fetch the value in the
   * background, batched with other reads. Has no visible effect on the value read.
   *
   * @return this
   */
  ReadableState<T> readLater();
}
