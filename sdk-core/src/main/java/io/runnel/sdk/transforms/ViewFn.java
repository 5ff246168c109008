package io.runnel.sdk.transforms;

import java.io.Serializable;
import java.util.List;

/**
 * Turns the elements of a side input's window into the value a {@code DoFn} reads, e.g. the list
 * itself, its single element, or a map. Called by runners once per window, not per element.
 *
 * @param <E> the element type of the backing collection
 * @param <T> the type of the view
 */
public abstract class ViewFn<E, T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The view of {@code elements}, all of one window, in an unspecified order. */
  public abstract T apply(List<E> elements);
}
