package io.runnel.sdk.coders;

import java.util.Collections;
import java.util.List;

/**
 * Base for user-written coders with no coder arguments. Not deterministic unless overridden.
 */
public abstract class CustomCoder<T> extends Coder<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return Collections.emptyList();
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, getClass().getSimpleName()
        + " does not override verifyDeterministic()");
  }
}
