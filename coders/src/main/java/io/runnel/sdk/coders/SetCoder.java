package io.runnel.sdk.coders;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes a {@link Set} as its size then its elements, in iteration order; decodes to a mutable
 * {@link LinkedHashSet} that keeps that order. Never deterministic, as in Beam: two equal sets may
 * iterate, and so encode, in different orders. For the same reason not consistent with equals,
 * but {@link #structuralValue} is order-independent: equal sets have equal structural values.
 */
public final class SetCoder<T> extends IterableLikeCoder<T, Set<T>> {
  private static final long serialVersionUID = 1L;

  private SetCoder(Coder<T> elementCoder) {
    super(elementCoder);
  }

  /** A coder for {@code Set<T>} from the coder of its elements. */
  public static <T> SetCoder<T> of(Coder<T> elementCoder) {
    return new SetCoder<>(elementCoder);
  }

  @Override
  protected Set<T> decodeToIterable(List<T> elements) {
    return new LinkedHashSet<>(elements);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this,
        "the iteration order of a Set, and so its encoding, is not deterministic");
  }

  @Override
  public Object structuralValue(Set<T> set) {
    if (getElemCoder().consistentWithEquals()) {
      return set;
    }
    Set<Object> structural = new HashSet<>();
    for (T element : set) {
      structural.add(getElemCoder().structuralValue(element));
    }
    return structural;
  }
}
