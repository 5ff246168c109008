package io.runnel.sdk.coders;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link List} as its size then its elements, in order; decodes to a mutable
 * {@link ArrayList}. Deterministic and consistent with equals when the element coder is.
 */
public final class ListCoder<T> extends IterableLikeCoder<T, List<T>> {
  private static final long serialVersionUID = 1L;

  private ListCoder(Coder<T> elementCoder) {
    super(elementCoder);
  }

  /** A coder for {@code List<T>} from the coder of its elements. */
  public static <T> ListCoder<T> of(Coder<T> elementCoder) {
    return new ListCoder<>(elementCoder);
  }

  @Override
  protected List<T> decodeToIterable(List<T> elements) {
    return elements;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "its element coder must be deterministic", getElemCoder());
  }

  @Override
  public boolean consistentWithEquals() {
    return getElemCoder().consistentWithEquals();
  }

  @Override
  public Object structuralValue(List<T> list) {
    if (consistentWithEquals()) {
      return list;
    }
    List<Object> structural = new ArrayList<>(list.size());
    for (T element : list) {
      structural.add(getElemCoder().structuralValue(element));
    }
    return structural;
  }
}
