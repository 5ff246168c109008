package io.runnel.sdk.coders;

import java.util.Collections;
import java.util.List;

/**
 * A coder with no coder arguments whose instances are all equal: deterministic unless a subclass
 * says otherwise. As in Beam, not consistent with equals unless a subclass says so: values are
 * then compared (grouped, as keys) by their encodings.
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
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
