package io.runnel.sdk.coders;

import java.util.List;

/**
 * Encodes an {@link Iterable} as its size then its elements, in iteration order; decodes to a
 * mutable {@link java.util.ArrayList}. An iterable that is not a {@link java.util.Collection} is
 * copied into memory to be counted. Deterministic when the element coder is; never consistent with
 * equals, since {@code Iterable} does not define {@code equals}.
 */
public final class IterableCoder<T> extends IterableLikeCoder<T, Iterable<T>> {
  private static final long serialVersionUID = 1L;

  private IterableCoder(Coder<T> elementCoder) {
    super(elementCoder);
  }

  /** A coder for {@code Iterable<T>} from the coder of its elements. */
  public static <T> IterableCoder<T> of(Coder<T> elementCoder) {
    return new IterableCoder<>(elementCoder);
  }

  @Override
  protected Iterable<T> decodeToIterable(List<T> elements) {
    return elements;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "its element coder must be deterministic", getElemCoder());
  }
}
