package io.runnel.sdk.state;

/**
 * State that accumulates inputs into one output, such as a bag or a running combination.
 *
 * @param <InputT> the type added
 * @param <OutputT> the type read
 */
public interface GroupingState<InputT, OutputT> extends ReadableState<OutputT>, State {
  /** Adds {@code value}. */
  void add(InputT value);

  /** Whether nothing has been added since the state was created or last cleared; lazy. */
  ReadableState<Boolean> isEmpty();

  @Override
  GroupingState<InputT, OutputT> readLater();
}
