package io.runnel.sdk.coders;

import java.util.Collections;
import java.util.List;

/**
 * A coder with no coder arguments whose instances are all equal: deterministic and consistent
 * with equals unless a subclass says otherwise.
 */
public abstract class AtomicCoder<T> extends Coder<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return Collections.emptyList();
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
