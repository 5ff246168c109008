package io.runnel.sdk.state;

/**
 * A single value. Reads as null until written. The value is encoded with the spec's coder on
 * write or at the end of the bundle, so later mutation of a written object is undefined.
 *
 * @param <T> the value type; null is allowed only if the coder encodes null
 */
public interface ValueState<T> extends ReadableState<T>, State {
  /** Replaces the value. */
  void write(T input);

  @Override
  ValueState<T> readLater();
}
